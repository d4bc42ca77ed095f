using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qilu.Platform.Audit.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AppendOnlyGuards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // ADR 0004: the audit tables are insert-only. The trigger lets exactly one DELETE through: the retention
            // purge function, for entries older than 180 days by the database clock (网络安全法 第二十一条). Nodes and
            // checkpoints are never removed, so proofs for the remaining entries keep verifying.
            migrationBuilder.Sql(@"
CREATE FUNCTION audit.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'entries' THEN
    IF current_setting('audit.purge', true) = 'on'
       AND OLD.ts_us < (extract(epoch FROM clock_timestamp()) * 1000000)::bigint - 180::bigint * 86400000000 THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit log is append-only: % on audit.% rejected', TG_OP, TG_TABLE_NAME;
END $$;");
            foreach (var table in new[] { "entries", "nodes", "checkpoints" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON audit.{table} FOR EACH ROW EXECUTE FUNCTION audit.reject_change();");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON audit.{table} FOR EACH STATEMENT EXECUTE FUNCTION audit.reject_change();");
            }
            migrationBuilder.Sql(@"
CREATE FUNCTION audit.purge_expired(retention_days integer) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  cutoff bigint;
  keep_from bigint;
  n bigint;
BEGIN
  IF retention_days < 180 THEN
    RAISE EXCEPTION 'retention must be at least 180 days (网络安全法 第二十一条), got %', retention_days;
  END IF;
  cutoff := (extract(epoch FROM clock_timestamp()) * 1000000)::bigint - retention_days::bigint * 86400000000;
  -- Only a prefix is removed, so the retained entries stay dense.
  SELECT COALESCE(MIN(seq), (SELECT COALESCE(MAX(seq) + 1, 0) FROM audit.entries)) INTO keep_from
    FROM audit.entries WHERE ts_us >= cutoff;
  PERFORM set_config('audit.purge', 'on', true);
  DELETE FROM audit.entries WHERE seq < keep_from;
  GET DIAGNOSTICS n = ROW_COUNT;
  PERFORM set_config('audit.purge', 'off', true);
  RETURN n;
END $$;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "entries", "nodes", "checkpoints" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_append_only ON audit.{table};");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_no_truncate ON audit.{table};");
            }
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit.purge_expired(integer);");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit.reject_change();");
        }
    }
}
