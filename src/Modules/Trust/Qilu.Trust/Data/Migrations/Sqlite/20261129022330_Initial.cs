using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Trust.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "trust_ca_certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Serial = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NotBefore = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    NotAfter = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Der = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_ca_certificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trust_certificate_types",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 21, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DefiningAuthority = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HolderKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IssuerKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ValidityYears = table.Column<int>(type: "INTEGER", nullable: true),
                    SchemaJson = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_certificate_types", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "trust_certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LicenceId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Serial = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 21, nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HolderIdType = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    HolderIdProtected = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HolderIdIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HolderIdMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    IssuerUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IssuerCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FieldsJson = table.Column<string>(type: "TEXT", nullable: false),
                    CanonicalJson = table.Column<string>(type: "TEXT", nullable: false),
                    Signature = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SealId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SealCertificateSerial = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StatusChangedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    StatusListId = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_certificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trust_seals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UnitCreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AppliedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MadeAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CertificateSerial = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CertificateDer = table.Column<byte[]>(type: "BLOB", nullable: true),
                    ValidFrom = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ValidUntil = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    SealDer = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Svg = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_seals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trust_share_uses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ShareId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SourceIp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_share_uses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trust_shares",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AnnotatedJson = table.Column<string>(type: "TEXT", nullable: false),
                    Signature = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Withdrawn = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_shares", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trust_status_lists",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Used = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_status_lists", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_trust_ca_certificates_Kind_KeyId",
                table: "trust_ca_certificates",
                columns: new[] { "Kind", "KeyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trust_ca_certificates_Serial",
                table: "trust_ca_certificates",
                column: "Serial",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trust_certificates_HolderIdIndex",
                table: "trust_certificates",
                column: "HolderIdIndex");

            migrationBuilder.CreateIndex(
                name: "IX_trust_certificates_IssuerUnitId",
                table: "trust_certificates",
                column: "IssuerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_trust_certificates_LicenceId",
                table: "trust_certificates",
                column: "LicenceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trust_certificates_RequestId",
                table: "trust_certificates",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trust_certificates_Serial_VersionNumber",
                table: "trust_certificates",
                columns: new[] { "Serial", "VersionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trust_certificates_StatusListId_StatusIndex",
                table: "trust_certificates",
                columns: new[] { "StatusListId", "StatusIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trust_seals_CertificateSerial",
                table: "trust_seals",
                column: "CertificateSerial",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trust_seals_DivisionCode",
                table: "trust_seals",
                column: "DivisionCode");

            migrationBuilder.CreateIndex(
                name: "IX_trust_seals_UnitId",
                table: "trust_seals",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_trust_share_uses_ShareId",
                table: "trust_share_uses",
                column: "ShareId");

            migrationBuilder.CreateIndex(
                name: "IX_trust_shares_CertificateId",
                table: "trust_shares",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_trust_shares_TokenHash",
                table: "trust_shares",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trust_ca_certificates");

            migrationBuilder.DropTable(
                name: "trust_certificate_types");

            migrationBuilder.DropTable(
                name: "trust_certificates");

            migrationBuilder.DropTable(
                name: "trust_seals");

            migrationBuilder.DropTable(
                name: "trust_share_uses");

            migrationBuilder.DropTable(
                name: "trust_shares");

            migrationBuilder.DropTable(
                name: "trust_status_lists");
        }
    }
}
