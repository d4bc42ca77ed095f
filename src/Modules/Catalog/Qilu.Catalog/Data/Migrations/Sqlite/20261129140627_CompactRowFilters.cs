using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Catalog.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CompactRowFilters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_catalog_resource_row_filters_ResourceId_KeyToken",
                table: "catalog_resource_row_filters");

            // WITHOUT ROWID: the primary key is the whole entry, so the table is one B-tree instead of a rowid heap plus the
            // key's index (EF has no notation for it, hence SQL). Tokens are cut to the first 128 bits of the blind index
            // (ADR 0016 addendum 2), as lookups now compute them.
            migrationBuilder.Sql(
                """
                CREATE TABLE "ef_temp_catalog_resource_row_filters" (
                    "ResourceId" TEXT NOT NULL,
                    "Column" INTEGER NOT NULL,
                    "Token" TEXT NOT NULL,
                    "KeyToken" TEXT NOT NULL,
                    CONSTRAINT "PK_catalog_resource_row_filters" PRIMARY KEY ("ResourceId", "Column", "Token", "KeyToken")
                ) WITHOUT ROWID;
                INSERT OR IGNORE INTO "ef_temp_catalog_resource_row_filters" ("ResourceId", "Column", "Token", "KeyToken")
                    SELECT "ResourceId", "Column", substr("Token", 1, 32), "KeyToken" FROM "catalog_resource_row_filters";
                DROP TABLE "catalog_resource_row_filters";
                ALTER TABLE "ef_temp_catalog_resource_row_filters" RENAME TO "catalog_resource_row_filters";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The table stays WITHOUT ROWID and the tokens truncated (the full blind index cannot be recovered): rows must be
            // re-imported after a downgrade for encrypted-column filters to match again.
            migrationBuilder.CreateIndex(
                name: "IX_catalog_resource_row_filters_ResourceId_KeyToken",
                table: "catalog_resource_row_filters",
                columns: new[] { "ResourceId", "KeyToken" });
        }
    }
}
