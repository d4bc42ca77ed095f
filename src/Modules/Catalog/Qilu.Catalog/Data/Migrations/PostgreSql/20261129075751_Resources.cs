using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qilu.Catalog.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Resources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "objections",
                schema: "catalog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SourceUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    SourceDivisionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    RaisedByUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    RaisedByUnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RaisedByDivisionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    RaisedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Field = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RowKeySealed = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosingComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_objections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "resource_changes",
                schema: "catalog",
                columns: table => new
                {
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    KeyToken = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Deleted = table.Column<bool>(type: "boolean", nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true, collation: "C"),
                    Sealed = table.Column<string>(type: "text", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_changes", x => new { x.ResourceId, x.Sequence });
                });

            migrationBuilder.CreateTable(
                name: "resource_files",
                schema: "catalog",
                columns: table => new
                {
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_files", x => x.ResourceId);
                });

            migrationBuilder.CreateTable(
                name: "resource_import_rejections",
                schema: "catalog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImportId = table.Column<Guid>(type: "uuid", nullable: false),
                    RowNumber = table.Column<long>(type: "bigint", nullable: false),
                    Field = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ReasonEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_import_rejections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "resource_imports",
                schema: "catalog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Format = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    DeleteMissing = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RowsRead = table.Column<long>(type: "bigint", nullable: false),
                    Inserted = table.Column<long>(type: "bigint", nullable: false),
                    Updated = table.Column<long>(type: "bigint", nullable: false),
                    Unchanged = table.Column<long>(type: "bigint", nullable: false),
                    Deleted = table.Column<long>(type: "bigint", nullable: false),
                    Rejected = table.Column<long>(type: "bigint", nullable: false),
                    DuplicateKeys = table.Column<long>(type: "bigint", nullable: false),
                    FromSequence = table.Column<long>(type: "bigint", nullable: true),
                    ToSequence = table.Column<long>(type: "bigint", nullable: true),
                    Failure = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StartedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_imports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "resource_row_filters",
                schema: "catalog",
                columns: table => new
                {
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Column = table.Column<int>(type: "integer", nullable: false),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    KeyToken = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_row_filters", x => new { x.ResourceId, x.Column, x.Token, x.KeyToken });
                });

            migrationBuilder.CreateTable(
                name: "resource_rows",
                schema: "catalog",
                columns: table => new
                {
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    KeyToken = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    DivisionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true, collation: "C"),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    Secret = table.Column<string>(type: "text", nullable: true),
                    Digest = table.Column<string>(type: "character varying(44)", maxLength: 44, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_rows", x => new { x.ResourceId, x.KeyToken });
                });

            migrationBuilder.CreateTable(
                name: "resources",
                schema: "catalog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderDivisionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ColumnsJson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    KeyField = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DivisionField = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RowCount = table.Column<long>(type: "bigint", nullable: false),
                    ChangeSequence = table.Column<long>(type: "bigint", nullable: false),
                    LastDuplicateKeys = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BaseUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    OpenApiTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OperationsJson = table.Column<string>(type: "text", nullable: true),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FileSize = table.Column<long>(type: "bigint", nullable: true),
                    FileHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resources", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_objections_RaisedByUnitId_Status",
                schema: "catalog",
                table: "objections",
                columns: new[] { "RaisedByUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_objections_ResourceId",
                schema: "catalog",
                table: "objections",
                column: "ResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_objections_SourceUnitId_Status",
                schema: "catalog",
                table: "objections",
                columns: new[] { "SourceUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_resource_import_rejections_ImportId_RowNumber",
                schema: "catalog",
                table: "resource_import_rejections",
                columns: new[] { "ImportId", "RowNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_resource_imports_ResourceId_StartedAt",
                schema: "catalog",
                table: "resource_imports",
                columns: new[] { "ResourceId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_resource_row_filters_ResourceId_KeyToken",
                schema: "catalog",
                table: "resource_row_filters",
                columns: new[] { "ResourceId", "KeyToken" });

            migrationBuilder.CreateIndex(
                name: "IX_resource_rows_ResourceId_DivisionCode",
                schema: "catalog",
                table: "resource_rows",
                columns: new[] { "ResourceId", "DivisionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_resources_EntryId",
                schema: "catalog",
                table: "resources",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_resources_ProviderUnitId",
                schema: "catalog",
                table: "resources",
                column: "ProviderUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "objections",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "resource_changes",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "resource_files",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "resource_import_rejections",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "resource_imports",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "resource_row_filters",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "resource_rows",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "resources",
                schema: "catalog");
        }
    }
}
