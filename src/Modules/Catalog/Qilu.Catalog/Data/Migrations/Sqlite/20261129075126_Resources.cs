using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Catalog.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Resources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalog_objections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SourceUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceDivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RaisedByUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RaisedByUnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RaisedByDivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RowKeySealed = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosingComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_objections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_resource_changes",
                columns: table => new
                {
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    KeyToken = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Deleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Sealed = table.Column<string>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_resource_changes", x => new { x.ResourceId, x.Sequence });
                });

            migrationBuilder.CreateTable(
                name: "catalog_resource_files",
                columns: table => new
                {
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_resource_files", x => x.ResourceId);
                });

            migrationBuilder.CreateTable(
                name: "catalog_resource_import_rejections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RowNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ReasonEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_resource_import_rejections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_resource_imports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    DeleteMissing = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RowsRead = table.Column<long>(type: "INTEGER", nullable: false),
                    Inserted = table.Column<long>(type: "INTEGER", nullable: false),
                    Updated = table.Column<long>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<long>(type: "INTEGER", nullable: false),
                    Deleted = table.Column<long>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<long>(type: "INTEGER", nullable: false),
                    DuplicateKeys = table.Column<long>(type: "INTEGER", nullable: false),
                    FromSequence = table.Column<long>(type: "INTEGER", nullable: true),
                    ToSequence = table.Column<long>(type: "INTEGER", nullable: true),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_resource_imports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_resource_row_filters",
                columns: table => new
                {
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Column = table.Column<int>(type: "INTEGER", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KeyToken = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_resource_row_filters", x => new { x.ResourceId, x.Column, x.Token, x.KeyToken });
                });

            migrationBuilder.CreateTable(
                name: "catalog_resource_rows",
                columns: table => new
                {
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    KeyToken = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    Secret = table.Column<string>(type: "TEXT", nullable: true),
                    Digest = table.Column<string>(type: "TEXT", maxLength: 44, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_resource_rows", x => new { x.ResourceId, x.KeyToken });
                });

            migrationBuilder.CreateTable(
                name: "catalog_resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderDivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ColumnsJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    KeyField = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DivisionField = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RowCount = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangeSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    LastDuplicateKeys = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BaseUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OpenApiTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OperationsJson = table.Column<string>(type: "TEXT", nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FileSize = table.Column<long>(type: "INTEGER", nullable: true),
                    FileHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_resources", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_objections_RaisedByUnitId_Status",
                table: "catalog_objections",
                columns: new[] { "RaisedByUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_objections_ResourceId",
                table: "catalog_objections",
                column: "ResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_objections_SourceUnitId_Status",
                table: "catalog_objections",
                columns: new[] { "SourceUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_resource_import_rejections_ImportId_RowNumber",
                table: "catalog_resource_import_rejections",
                columns: new[] { "ImportId", "RowNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_resource_imports_ResourceId_StartedAt",
                table: "catalog_resource_imports",
                columns: new[] { "ResourceId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_resource_row_filters_ResourceId_KeyToken",
                table: "catalog_resource_row_filters",
                columns: new[] { "ResourceId", "KeyToken" });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_resource_rows_ResourceId_DivisionCode",
                table: "catalog_resource_rows",
                columns: new[] { "ResourceId", "DivisionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_resources_EntryId",
                table: "catalog_resources",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_resources_ProviderUnitId",
                table: "catalog_resources",
                column: "ProviderUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_objections");

            migrationBuilder.DropTable(
                name: "catalog_resource_changes");

            migrationBuilder.DropTable(
                name: "catalog_resource_files");

            migrationBuilder.DropTable(
                name: "catalog_resource_import_rejections");

            migrationBuilder.DropTable(
                name: "catalog_resource_imports");

            migrationBuilder.DropTable(
                name: "catalog_resource_row_filters");

            migrationBuilder.DropTable(
                name: "catalog_resource_rows");

            migrationBuilder.DropTable(
                name: "catalog_resources");
        }
    }
}
