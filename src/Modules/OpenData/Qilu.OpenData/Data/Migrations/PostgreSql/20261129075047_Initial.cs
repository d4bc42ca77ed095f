using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.OpenData.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "opendata");

            migrationBuilder.CreateTable(
                name: "applications",
                schema: "opendata",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DatasetId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicantId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EnterpriseCreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    Purpose = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Scenario = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<long>(type: "bigint", nullable: false),
                    DueAt = table.Column<long>(type: "bigint", nullable: false),
                    DecidedAt = table.Column<long>(type: "bigint", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Terms = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ValidUntil = table.Column<long>(type: "bigint", nullable: true),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    KeyPrefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Calls = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "candidate_entries",
                schema: "opendata",
                columns: table => new
                {
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProviderUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_candidate_entries", x => x.EntryId);
                });

            migrationBuilder.CreateTable(
                name: "corrections",
                schema: "opendata",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DatasetId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    DatasetTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ReporterId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReporterName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    AnsweredAt = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_corrections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "data_requests",
                schema: "opendata",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RequesterId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequesterName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    AnsweredAt = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "datasets",
                schema: "opendata",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EntryVersion = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Theme = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    TagsText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    LicenseId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PublisherUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    PublisherName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PublisherCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    PublisherDivision = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    UpdateCycle = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OpenType = table.Column<int>(type: "integer", nullable: false),
                    Grade = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    FieldsJson = table.Column<string>(type: "text", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    ModifiedAt = table.Column<long>(type: "bigint", nullable: false),
                    WithdrawnAt = table.Column<long>(type: "bigint", nullable: true),
                    WithdrawReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Views = table.Column<long>(type: "bigint", nullable: false),
                    Downloads = table.Column<long>(type: "bigint", nullable: false),
                    ApiCalls = table.Column<long>(type: "bigint", nullable: false),
                    PackageJson = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_datasets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbox",
                schema: "opendata",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Handler = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox", x => new { x.EventId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "usage_reports",
                schema: "opendata",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReportedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_usage_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_usage_reports_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalSchema: "opendata",
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dataset_resources",
                schema: "opendata",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DatasetId = table.Column<Guid>(type: "uuid", nullable: false),
                    CatalogResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dataset_resources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dataset_resources_datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalSchema: "opendata",
                        principalTable: "datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_applications_ApplicantId",
                schema: "opendata",
                table: "applications",
                column: "ApplicantId");

            migrationBuilder.CreateIndex(
                name: "IX_applications_KeyHash",
                schema: "opendata",
                table: "applications",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_applications_ProviderUnitId_Status",
                schema: "opendata",
                table: "applications",
                columns: new[] { "ProviderUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_candidate_entries_ProviderUnitId",
                schema: "opendata",
                table: "candidate_entries",
                column: "ProviderUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_corrections_ProviderUnitId_Status",
                schema: "opendata",
                table: "corrections",
                columns: new[] { "ProviderUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_data_requests_ProviderUnitId_Status",
                schema: "opendata",
                table: "data_requests",
                columns: new[] { "ProviderUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_dataset_resources_CatalogResourceId",
                schema: "opendata",
                table: "dataset_resources",
                column: "CatalogResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_dataset_resources_DatasetId",
                schema: "opendata",
                table: "dataset_resources",
                column: "DatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_datasets_EntryId",
                schema: "opendata",
                table: "datasets",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_datasets_Name",
                schema: "opendata",
                table: "datasets",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_datasets_PublisherUnitId",
                schema: "opendata",
                table: "datasets",
                column: "PublisherUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_datasets_State_ModifiedAt",
                schema: "opendata",
                table: "datasets",
                columns: new[] { "State", "ModifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_usage_reports_ApplicationId",
                schema: "opendata",
                table: "usage_reports",
                column: "ApplicationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "candidate_entries",
                schema: "opendata");

            migrationBuilder.DropTable(
                name: "corrections",
                schema: "opendata");

            migrationBuilder.DropTable(
                name: "data_requests",
                schema: "opendata");

            migrationBuilder.DropTable(
                name: "dataset_resources",
                schema: "opendata");

            migrationBuilder.DropTable(
                name: "inbox",
                schema: "opendata");

            migrationBuilder.DropTable(
                name: "usage_reports",
                schema: "opendata");

            migrationBuilder.DropTable(
                name: "datasets",
                schema: "opendata");

            migrationBuilder.DropTable(
                name: "applications",
                schema: "opendata");
        }
    }
}
