using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Platform.Audit.Data.Migrations.Sqlite
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
                name: "audit_tree",
                columns: table => new
                {
                    seq = table.Column<long>(type: "INTEGER", nullable: false),
                    hashes = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_tree", x => x.seq);
                });

            // group_concat returns TEXT holding the bytes as they are (UTF-8 database); CAST gives the BLOB back.
            migrationBuilder.Sql("INSERT INTO audit_tree (seq, hashes) SELECT ((idx + 1) << level) - 1, CAST(group_concat(hash, '' ORDER BY level) AS BLOB) FROM audit_nodes GROUP BY ((idx + 1) << level) - 1;");

            migrationBuilder.DropTable(
                name: "audit_nodes");

            migrationBuilder.Sql("CREATE TRIGGER audit_tree_no_update BEFORE UPDATE ON audit_tree BEGIN SELECT RAISE(ABORT, 'audit log is append-only: UPDATE on audit_tree rejected'); END;");
            migrationBuilder.Sql("CREATE TRIGGER audit_tree_no_delete BEFORE DELETE ON audit_tree BEGIN SELECT RAISE(ABORT, 'audit log is append-only: DELETE on audit_tree rejected'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_nodes",
                columns: table => new
                {
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    idx = table.Column<long>(type: "INTEGER", nullable: false),
                    hash = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_nodes", x => new { x.level, x.idx });
                });

            migrationBuilder.Sql("WITH RECURSIVE lv(l) AS (SELECT 0 UNION ALL SELECT l + 1 FROM lv WHERE l < 62) " +
                "INSERT INTO audit_nodes (level, idx, hash) SELECT l, ((seq + 1) >> l) - 1, substr(hashes, l * 32 + 1, 32) FROM audit_tree JOIN lv ON l * 32 < length(hashes);");

            migrationBuilder.DropTable(
                name: "audit_tree");

            migrationBuilder.Sql("CREATE TRIGGER audit_nodes_no_update BEFORE UPDATE ON audit_nodes BEGIN SELECT RAISE(ABORT, 'audit log is append-only: UPDATE on audit_nodes rejected'); END;");
            migrationBuilder.Sql("CREATE TRIGGER audit_nodes_no_delete BEFORE DELETE ON audit_nodes BEGIN SELECT RAISE(ABORT, 'audit log is append-only: DELETE on audit_nodes rejected'); END;");
        }
    }
}
