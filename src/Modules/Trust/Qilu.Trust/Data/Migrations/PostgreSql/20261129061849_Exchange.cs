using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qilu.Trust.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Exchange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "certificate_uses",
                schema: "trust",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CertificateId = table.Column<Guid>(type: "uuid", nullable: true),
                    LicenceId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    HolderIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    Party = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificate_uses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "code_requests",
                schema: "trust",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    HolderIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HolderSubject = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OfficialSubject = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OfficialName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Service = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TypeCodes = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    DecideBy = table.Column<long>(type: "bigint", nullable: false),
                    DecidedAt = table.Column<long>(type: "bigint", nullable: true),
                    ReleasedIds = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_code_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "federation_requests",
                schema: "trust",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Peer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OfficialSubject = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OfficialName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    HolderMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(21)", maxLength: 21, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Detail = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    LicenceId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    CertificateJson = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_federation_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "personal_codes",
                schema: "trust",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Nonce = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    HolderIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HolderSubject = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HolderName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IssuedAt = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false),
                    ScannedAt = table.Column<long>(type: "bigint", nullable: true),
                    ScannedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_personal_codes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_certificate_uses_CertificateId",
                schema: "trust",
                table: "certificate_uses",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_certificate_uses_HolderIndex",
                schema: "trust",
                table: "certificate_uses",
                column: "HolderIndex");

            migrationBuilder.CreateIndex(
                name: "IX_code_requests_CodeId",
                schema: "trust",
                table: "code_requests",
                column: "CodeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_code_requests_HolderSubject",
                schema: "trust",
                table: "code_requests",
                column: "HolderSubject");

            migrationBuilder.CreateIndex(
                name: "IX_federation_requests_At",
                schema: "trust",
                table: "federation_requests",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_federation_requests_UnitId",
                schema: "trust",
                table: "federation_requests",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_personal_codes_ExpiresAt",
                schema: "trust",
                table: "personal_codes",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_personal_codes_Nonce",
                schema: "trust",
                table: "personal_codes",
                column: "Nonce",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "certificate_uses",
                schema: "trust");

            migrationBuilder.DropTable(
                name: "code_requests",
                schema: "trust");

            migrationBuilder.DropTable(
                name: "federation_requests",
                schema: "trust");

            migrationBuilder.DropTable(
                name: "personal_codes",
                schema: "trust");
        }
    }
}
