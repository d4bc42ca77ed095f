using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Trust.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Exchange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "trust_certificate_uses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LicenceId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    HolderIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Party = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_certificate_uses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trust_code_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HolderIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HolderSubject = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OfficialSubject = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OfficialName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Service = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TypeCodes = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecideBy = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReleasedIds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_code_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trust_federation_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Peer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OfficialSubject = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OfficialName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    HolderMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 21, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LicenceId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    CertificateJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_federation_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trust_personal_codes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Nonce = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HolderIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HolderSubject = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ScannedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ScannedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_personal_codes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_trust_certificate_uses_CertificateId",
                table: "trust_certificate_uses",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_trust_certificate_uses_HolderIndex",
                table: "trust_certificate_uses",
                column: "HolderIndex");

            migrationBuilder.CreateIndex(
                name: "IX_trust_code_requests_CodeId",
                table: "trust_code_requests",
                column: "CodeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trust_code_requests_HolderSubject",
                table: "trust_code_requests",
                column: "HolderSubject");

            migrationBuilder.CreateIndex(
                name: "IX_trust_federation_requests_At",
                table: "trust_federation_requests",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_trust_federation_requests_UnitId",
                table: "trust_federation_requests",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_trust_personal_codes_ExpiresAt",
                table: "trust_personal_codes",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_trust_personal_codes_Nonce",
                table: "trust_personal_codes",
                column: "Nonce",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trust_certificate_uses");

            migrationBuilder.DropTable(
                name: "trust_code_requests");

            migrationBuilder.DropTable(
                name: "trust_federation_requests");

            migrationBuilder.DropTable(
                name: "trust_personal_codes");
        }
    }
}
