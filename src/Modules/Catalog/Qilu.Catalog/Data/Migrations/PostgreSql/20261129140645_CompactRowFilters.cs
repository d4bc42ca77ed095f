using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Catalog.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CompactRowFilters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_resource_row_filters_ResourceId_KeyToken",
                schema: "catalog",
                table: "resource_row_filters");

            // Filter tokens become the first 128 bits of the blind index (ADR 0016 addendum 2); lookups compute them the
            // same way, so stored tokens are cut to match before the column narrows.
            migrationBuilder.Sql("UPDATE catalog.resource_row_filters SET \"Token\" = left(\"Token\", 32) WHERE length(\"Token\") > 32;");

            migrationBuilder.AlterColumn<string>(
                name: "Token",
                schema: "catalog",
                table: "resource_row_filters",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Tokens stay truncated (the full blind index cannot be recovered from them): rows must be re-imported after a
            // downgrade for encrypted-column filters to match again.
            migrationBuilder.AlterColumn<string>(
                name: "Token",
                schema: "catalog",
                table: "resource_row_filters",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32);

            migrationBuilder.CreateIndex(
                name: "IX_resource_row_filters_ResourceId_KeyToken",
                schema: "catalog",
                table: "resource_row_filters",
                columns: new[] { "ResourceId", "KeyToken" });
        }
    }
}
