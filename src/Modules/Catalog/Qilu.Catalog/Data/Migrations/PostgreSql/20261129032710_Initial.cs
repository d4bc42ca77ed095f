using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Catalog.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "catalog");

            migrationBuilder.CreateTable(
                name: "base_list",
                schema: "catalog",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DepartmentKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    Theme = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Abstract = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ShareType = table.Column<int>(type: "integer", nullable: false),
                    ShareCondition = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LegalBasis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    OpenType = table.Column<int>(type: "integer", nullable: false),
                    Format = table.Column<int>(type: "integer", nullable: false),
                    UpdateCycle = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ImpactObject = table.Column<string>(type: "text", nullable: true),
                    ImpactDegree = table.Column<string>(type: "text", nullable: true),
                    ItemsText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_base_list", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "elements",
                schema: "catalog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Identifier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NameZh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Definition = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DataType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Format = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Pattern = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    MaxLength = table.Column<int>(type: "integer", nullable: true),
                    CodeListText = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    SourceUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    DefaultGrade = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_elements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "entries",
                schema: "catalog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProviderUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ProviderCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    ProviderDivisionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    BaseItemCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    PublishedNumber = table.Column<int>(type: "integer", nullable: true),
                    WorkingNumber = table.Column<int>(type: "integer", nullable: true),
                    Withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "catalog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<long>(type: "bigint", nullable: false),
                    Delivered = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "bigint", nullable: false),
                    DispatchedAt = table.Column<long>(type: "bigint", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ClaimedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ClaimedUntil = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "search_docs",
                schema: "catalog",
                columns: table => new
                {
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Grade = table.Column<int>(type: "integer", nullable: false),
                    ShareType = table.Column<int>(type: "integer", nullable: false),
                    Theme = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Format = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_docs", x => x.EntryId);
                });

            migrationBuilder.CreateTable(
                name: "entry_versions",
                schema: "catalog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProviderUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ProviderDivisionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    Theme = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Abstract = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ShareType = table.Column<int>(type: "integer", nullable: false),
                    ShareCondition = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LegalBasis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ShareMethods = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OpenType = table.Column<int>(type: "integer", nullable: false),
                    Format = table.Column<int>(type: "integer", nullable: false),
                    UpdateCycle = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    InformationSystem = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DeclaredGrade = table.Column<int>(type: "integer", nullable: true),
                    Grade = table.Column<int>(type: "integer", nullable: false),
                    GradingFactorsJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SearchText = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_entry_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_entry_versions_entries_EntryId",
                        column: x => x.EntryId,
                        principalSchema: "catalog",
                        principalTable: "entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "entry_items",
                schema: "catalog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ElementIdentifier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DataType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Grade = table.Column<int>(type: "integer", nullable: false),
                    Remark = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_entry_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_entry_items_entry_versions_VersionId",
                        column: x => x.VersionId,
                        principalSchema: "catalog",
                        principalTable: "entry_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_elements_Identifier",
                schema: "catalog",
                table: "elements",
                column: "Identifier",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_entries_Code",
                schema: "catalog",
                table: "entries",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_entries_ProviderDivisionCode",
                schema: "catalog",
                table: "entries",
                column: "ProviderDivisionCode");

            migrationBuilder.CreateIndex(
                name: "IX_entries_ProviderUnitId",
                schema: "catalog",
                table: "entries",
                column: "ProviderUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_entries_ProviderUnitId_BaseItemCode",
                schema: "catalog",
                table: "entries",
                columns: new[] { "ProviderUnitId", "BaseItemCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_entry_items_VersionId",
                schema: "catalog",
                table: "entry_items",
                column: "VersionId");

            migrationBuilder.CreateIndex(
                name: "IX_entry_versions_EntryId_Number",
                schema: "catalog",
                table: "entry_versions",
                columns: new[] { "EntryId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_entry_versions_Status_PublishedAt",
                schema: "catalog",
                table: "entry_versions",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_DispatchedAt_NextAttemptAt",
                schema: "catalog",
                table: "outbox",
                columns: new[] { "DispatchedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_search_docs_Grade_ShareType_Format_Theme_UnitId_UnitName",
                schema: "catalog",
                table: "search_docs",
                columns: new[] { "Grade", "ShareType", "Format", "Theme", "UnitId", "UnitName" });

            migrationBuilder.CreateIndex(
                name: "IX_search_docs_PublishedAt",
                schema: "catalog",
                table: "search_docs",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_search_docs_UnitId",
                schema: "catalog",
                table: "search_docs",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "base_list",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "elements",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "entry_items",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "search_docs",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "entry_versions",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "entries",
                schema: "catalog");
        }
    }
}
