using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.OpenData.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "opendata_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DatasetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicantId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EnterpriseCreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Scenario = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Terms = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ValidUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    KeyPrefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Calls = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opendata_applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "opendata_candidate_entries",
                columns: table => new
                {
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProviderUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opendata_candidate_entries", x => x.EntryId);
                });

            migrationBuilder.CreateTable(
                name: "opendata_corrections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DatasetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DatasetTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReporterId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReporterName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opendata_corrections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "opendata_data_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RequesterId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequesterName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opendata_data_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "opendata_datasets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EntryVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    TagsText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    LicenseId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PublisherUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PublisherName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PublisherCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    PublisherDivision = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    UpdateCycle = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OpenType = table.Column<int>(type: "INTEGER", nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    FieldsJson = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ModifiedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Views = table.Column<long>(type: "INTEGER", nullable: false),
                    Downloads = table.Column<long>(type: "INTEGER", nullable: false),
                    ApiCalls = table.Column<long>(type: "INTEGER", nullable: false),
                    PackageJson = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opendata_datasets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "opendata_inbox",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opendata_inbox", x => new { x.EventId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "opendata_usage_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opendata_usage_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_opendata_usage_reports_opendata_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "opendata_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "opendata_dataset_resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DatasetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CatalogResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opendata_dataset_resources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_opendata_dataset_resources_opendata_datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "opendata_datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_opendata_applications_ApplicantId",
                table: "opendata_applications",
                column: "ApplicantId");

            migrationBuilder.CreateIndex(
                name: "IX_opendata_applications_KeyHash",
                table: "opendata_applications",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_opendata_applications_ProviderUnitId_Status",
                table: "opendata_applications",
                columns: new[] { "ProviderUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_opendata_candidate_entries_ProviderUnitId",
                table: "opendata_candidate_entries",
                column: "ProviderUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_opendata_corrections_ProviderUnitId_Status",
                table: "opendata_corrections",
                columns: new[] { "ProviderUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_opendata_data_requests_ProviderUnitId_Status",
                table: "opendata_data_requests",
                columns: new[] { "ProviderUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_opendata_dataset_resources_CatalogResourceId",
                table: "opendata_dataset_resources",
                column: "CatalogResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_opendata_dataset_resources_DatasetId",
                table: "opendata_dataset_resources",
                column: "DatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_opendata_datasets_EntryId",
                table: "opendata_datasets",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_opendata_datasets_Name",
                table: "opendata_datasets",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_opendata_datasets_PublisherUnitId",
                table: "opendata_datasets",
                column: "PublisherUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_opendata_datasets_State_ModifiedAt",
                table: "opendata_datasets",
                columns: new[] { "State", "ModifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_opendata_usage_reports_ApplicationId",
                table: "opendata_usage_reports",
                column: "ApplicationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "opendata_candidate_entries");

            migrationBuilder.DropTable(
                name: "opendata_corrections");

            migrationBuilder.DropTable(
                name: "opendata_data_requests");

            migrationBuilder.DropTable(
                name: "opendata_dataset_resources");

            migrationBuilder.DropTable(
                name: "opendata_inbox");

            migrationBuilder.DropTable(
                name: "opendata_usage_reports");

            migrationBuilder.DropTable(
                name: "opendata_datasets");

            migrationBuilder.DropTable(
                name: "opendata_applications");
        }
    }
}
