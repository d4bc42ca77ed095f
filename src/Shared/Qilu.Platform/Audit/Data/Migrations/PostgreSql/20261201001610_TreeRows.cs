using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Platform.Audit.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class TreeRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // ADR 0004 addendum 2: one row per leaf instead of one per subtree. The subtree (level, idx) is kept in the
            // row of its last leaf, ((idx + 1) << level) - 1, at position level; the rows are filled from the old table
            // in the same transaction, so no hash of an existing log is lost.
            migrationBuilder.CreateTable(
                name: "tree",
                schema: "audit",
                columns: table => new
                {
                    seq = table.Column<long>(type: "bigint", nullable: false),
                    hashes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tree", x => x.seq);
                });

            migrationBuilder.Sql("INSERT INTO audit.tree (seq, hashes) SELECT ((idx + 1) << level) - 1, string_agg(hash, ''::bytea ORDER BY level) FROM audit.nodes GROUP BY 1;");

            migrationBuilder.DropTable(
                name: "nodes",
                schema: "audit");

            migrationBuilder.Sql("CREATE TRIGGER tree_append_only BEFORE UPDATE OR DELETE ON audit.tree FOR EACH ROW EXECUTE FUNCTION audit.reject_change();");
            migrationBuilder.Sql("CREATE TRIGGER tree_no_truncate BEFORE TRUNCATE ON audit.tree FOR EACH STATEMENT EXECUTE FUNCTION audit.reject_change();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "nodes",
                schema: "audit",
                columns: table => new
                {
                    level = table.Column<int>(type: "integer", nullable: false),
                    idx = table.Column<long>(type: "bigint", nullable: false),
                    hash = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nodes", x => new { x.level, x.idx });
                });

            migrationBuilder.Sql("INSERT INTO audit.nodes (level, idx, hash) SELECT l, ((seq + 1) >> l) - 1, substring(hashes FROM l * 32 + 1 FOR 32) " +
                "FROM audit.tree, generate_series(0, length(hashes) / 32 - 1) AS l;");

            migrationBuilder.DropTable(
                name: "tree",
                schema: "audit");

            migrationBuilder.Sql("CREATE TRIGGER nodes_append_only BEFORE UPDATE OR DELETE ON audit.nodes FOR EACH ROW EXECUTE FUNCTION audit.reject_change();");
            migrationBuilder.Sql("CREATE TRIGGER nodes_no_truncate BEFORE TRUNCATE ON audit.nodes FOR EACH STATEMENT EXECUTE FUNCTION audit.reject_change();");
        }
    }
}
