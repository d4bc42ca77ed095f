using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qilu.Trust.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "trust");

            migrationBuilder.CreateTable(
                name: "ca_certificates",
                schema: "trust",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    KeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Serial = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NotBefore = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NotAfter = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Der = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ca_certificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "certificate_types",
                schema: "trust",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(21)", maxLength: 21, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DefiningAuthority = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HolderKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IssuerKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ValidityYears = table.Column<int>(type: "integer", nullable: true),
                    SchemaJson = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificate_types", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "certificates",
                schema: "trust",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LicenceId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Serial = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(21)", maxLength: 21, nullable: false),
                    HolderName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HolderIdType = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    HolderIdProtected = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HolderIdIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HolderIdMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    IssuerUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IssuerCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    FieldsJson = table.Column<string>(type: "text", nullable: false),
                    CanonicalJson = table.Column<string>(type: "text", nullable: false),
                    Signature = table.Column<byte[]>(type: "bytea", nullable: false),
                    SealId = table.Column<Guid>(type: "uuid", nullable: false),
                    SealCertificateSerial = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StatusReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StatusChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StatusListId = table.Column<int>(type: "integer", nullable: false),
                    StatusIndex = table.Column<int>(type: "integer", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "seals",
                schema: "trust",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UnitCreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StatusReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AppliedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MadeAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    KeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CertificateSerial = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CertificateDer = table.Column<byte[]>(type: "bytea", nullable: true),
                    ValidFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ValidUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SealDer = table.Column<byte[]>(type: "bytea", nullable: true),
                    Svg = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_seals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "share_uses",
                schema: "trust",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShareId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SourceIp = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_share_uses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "shares",
                schema: "trust",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CertificateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Recipient = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AnnotatedJson = table.Column<string>(type: "text", nullable: false),
                    Signature = table.Column<byte[]>(type: "bytea", nullable: false),
                    Withdrawn = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shares", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "status_lists",
                schema: "trust",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Used = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_status_lists", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ca_certificates_Kind_KeyId",
                schema: "trust",
                table: "ca_certificates",
                columns: new[] { "Kind", "KeyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ca_certificates_Serial",
                schema: "trust",
                table: "ca_certificates",
                column: "Serial",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_certificates_HolderIdIndex",
                schema: "trust",
                table: "certificates",
                column: "HolderIdIndex");

            migrationBuilder.CreateIndex(
                name: "IX_certificates_IssuerUnitId",
                schema: "trust",
                table: "certificates",
                column: "IssuerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_certificates_LicenceId",
                schema: "trust",
                table: "certificates",
                column: "LicenceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_certificates_RequestId",
                schema: "trust",
                table: "certificates",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_certificates_Serial_VersionNumber",
                schema: "trust",
                table: "certificates",
                columns: new[] { "Serial", "VersionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_certificates_StatusListId_StatusIndex",
                schema: "trust",
                table: "certificates",
                columns: new[] { "StatusListId", "StatusIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_seals_CertificateSerial",
                schema: "trust",
                table: "seals",
                column: "CertificateSerial",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_seals_DivisionCode",
                schema: "trust",
                table: "seals",
                column: "DivisionCode");

            migrationBuilder.CreateIndex(
                name: "IX_seals_UnitId",
                schema: "trust",
                table: "seals",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_share_uses_ShareId",
                schema: "trust",
                table: "share_uses",
                column: "ShareId");

            migrationBuilder.CreateIndex(
                name: "IX_shares_CertificateId",
                schema: "trust",
                table: "shares",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_shares_TokenHash",
                schema: "trust",
                table: "shares",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ca_certificates",
                schema: "trust");

            migrationBuilder.DropTable(
                name: "certificate_types",
                schema: "trust");

            migrationBuilder.DropTable(
                name: "certificates",
                schema: "trust");

            migrationBuilder.DropTable(
                name: "seals",
                schema: "trust");

            migrationBuilder.DropTable(
                name: "share_uses",
                schema: "trust");

            migrationBuilder.DropTable(
                name: "shares",
                schema: "trust");

            migrationBuilder.DropTable(
                name: "status_lists",
                schema: "trust");
        }
    }
}
