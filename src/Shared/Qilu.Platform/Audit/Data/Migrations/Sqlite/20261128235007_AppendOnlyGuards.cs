using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Platform.Audit.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AppendOnlyGuards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // ADR 0004: the audit tables are insert-only. These triggers stop mistakes and application bugs; an
            // attacker with file access can drop them, which is why the Merkle tree and signed checkpoints exist.
            foreach (var table in new[] { "audit_entries", "audit_nodes", "audit_checkpoints" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, 'audit log is append-only: UPDATE on {table} rejected'); END;");
            }
            migrationBuilder.Sql("CREATE TRIGGER audit_nodes_no_delete BEFORE DELETE ON audit_nodes BEGIN SELECT RAISE(ABORT, 'audit log is append-only: DELETE on audit_nodes rejected'); END;");
            migrationBuilder.Sql("CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints BEGIN SELECT RAISE(ABORT, 'audit log is append-only: DELETE on audit_checkpoints rejected'); END;");
            // Retention purge (网络安全法 第二十一条: no less than six months): only entries older than 180 days by the
            // database clock may be deleted.
            migrationBuilder.Sql("CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries WHEN OLD.ts_us >= (CAST(strftime('%s','now') AS INTEGER) - 180 * 86400) * 1000000 BEGIN SELECT RAISE(ABORT, 'audit log is append-only: only entries older than 180 days may be purged'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "audit_entries_no_update", "audit_nodes_no_update", "audit_checkpoints_no_update", "audit_nodes_no_delete", "audit_checkpoints_no_delete", "audit_entries_no_delete" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }
        }
    }
}
