using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Catalog.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalog_base_list",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DepartmentKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Abstract = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ShareType = table.Column<int>(type: "INTEGER", nullable: false),
                    ShareCondition = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OpenType = table.Column<int>(type: "INTEGER", nullable: false),
                    Format = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdateCycle = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ImpactObject = table.Column<string>(type: "TEXT", nullable: true),
                    ImpactDegree = table.Column<string>(type: "TEXT", nullable: true),
                    ItemsText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_base_list", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "catalog_elements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Identifier = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Definition = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DataType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Pattern = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    MaxLength = table.Column<int>(type: "INTEGER", nullable: true),
                    CodeListText = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SourceUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DefaultGrade = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RowVersion = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_elements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProviderUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProviderCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    ProviderDivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    BaseItemCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PublishedNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    WorkingNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Withdrawn = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Delivered = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DispatchedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_search_docs",
                columns: table => new
                {
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: false),
                    ShareType = table.Column<int>(type: "INTEGER", nullable: false),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Format = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_search_docs", x => x.EntryId);
                });

            migrationBuilder.CreateTable(
                name: "catalog_entry_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProviderUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProviderDivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Abstract = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ShareType = table.Column<int>(type: "INTEGER", nullable: false),
                    ShareCondition = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ShareMethods = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OpenType = table.Column<int>(type: "INTEGER", nullable: false),
                    Format = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdateCycle = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    InformationSystem = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DeclaredGrade = table.Column<int>(type: "INTEGER", nullable: true),
                    Grade = table.Column<int>(type: "INTEGER", nullable: false),
                    GradingFactorsJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_entry_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalog_entry_versions_catalog_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "catalog_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_entry_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ElementIdentifier = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DataType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: false),
                    Remark = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_entry_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalog_entry_items_catalog_entry_versions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "catalog_entry_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_elements_Identifier",
                table: "catalog_elements",
                column: "Identifier",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_catalog_entries_Code",
                table: "catalog_entries",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_catalog_entries_ProviderDivisionCode",
                table: "catalog_entries",
                column: "ProviderDivisionCode");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_entries_ProviderUnitId",
                table: "catalog_entries",
                column: "ProviderUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_entries_ProviderUnitId_BaseItemCode",
                table: "catalog_entries",
                columns: new[] { "ProviderUnitId", "BaseItemCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_catalog_entry_items_VersionId",
                table: "catalog_entry_items",
                column: "VersionId");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_entry_versions_EntryId_Number",
                table: "catalog_entry_versions",
                columns: new[] { "EntryId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_catalog_entry_versions_Status_PublishedAt",
                table: "catalog_entry_versions",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_outbox_DispatchedAt_NextAttemptAt",
                table: "catalog_outbox",
                columns: new[] { "DispatchedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_search_docs_Grade_ShareType_Format_Theme_UnitId_UnitName",
                table: "catalog_search_docs",
                columns: new[] { "Grade", "ShareType", "Format", "Theme", "UnitId", "UnitName" });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_search_docs_PublishedAt",
                table: "catalog_search_docs",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_search_docs_UnitId",
                table: "catalog_search_docs",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_base_list");

            migrationBuilder.DropTable(
                name: "catalog_elements");

            migrationBuilder.DropTable(
                name: "catalog_entry_items");

            migrationBuilder.DropTable(
                name: "catalog_outbox");

            migrationBuilder.DropTable(
                name: "catalog_search_docs");

            migrationBuilder.DropTable(
                name: "catalog_entry_versions");

            migrationBuilder.DropTable(
                name: "catalog_entries");
        }
    }
}
