using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Qilu.Platform.Persistence;

namespace Qilu.Platform.Audit.Data;

/// <summary>
/// The audit module's tables (module name <c>audit</c>): <c>entries</c>, <c>tree</c>, <c>checkpoints</c>. All three
/// are insert-only; the migrations add database triggers that reject UPDATE and DELETE (ADR 0004). The hot write path
/// uses parameterised SQL on this context's connection; EF is used for the schema and for browsing queries.
/// </summary>
internal abstract class AuditDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Module name: PostgreSQL schema and SQLite table prefix.</summary>
    public const string Module = "audit";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<AuditEntryRow>(e =>
        {
            e.ToTable("entries");
            e.HasKey(x => x.Seq);
            e.Property(x => x.Seq).HasColumnName("seq").ValueGeneratedNever();
            e.Property(x => x.TimestampUs).HasColumnName("ts_us");
            e.Property(x => x.ActorId).HasColumnName("actor_id").HasMaxLength(128);
            e.Property(x => x.ActorKind).HasColumnName("actor_kind").HasMaxLength(32);
            e.Property(x => x.ActorName).HasColumnName("actor_name").HasMaxLength(64);
            e.Property(x => x.DivisionCode).HasColumnName("division_code").HasMaxLength(12);
            e.Property(x => x.Action).HasColumnName("action").HasMaxLength(128);
            e.Property(x => x.TargetType).HasColumnName("target_type").HasMaxLength(64);
            e.Property(x => x.TargetId).HasColumnName("target_id").HasMaxLength(128);
            e.Property(x => x.Outcome).HasColumnName("outcome").HasMaxLength(16);
            e.Property(x => x.Details).HasColumnName("details");
            e.Property(x => x.SourceIp).HasColumnName("source_ip").HasMaxLength(64);
            e.Property(x => x.TraceId).HasColumnName("trace_id").HasMaxLength(64);
            e.HasIndex(x => x.Action).HasDatabaseName("ix_audit_entries_action");
            e.HasIndex(x => x.ActorId).HasDatabaseName("ix_audit_entries_actor_id");
            e.HasIndex(x => x.TimestampUs).HasDatabaseName("ix_audit_entries_ts_us");
        });
        modelBuilder.Entity<AuditTreeRow>(e =>
        {
            e.ToTable("tree");
            e.HasKey(x => x.Seq);
            e.Property(x => x.Seq).HasColumnName("seq").ValueGeneratedNever();
            e.Property(x => x.Hashes).HasColumnName("hashes");
        });
        modelBuilder.Entity<AuditCheckpointRow>(e =>
        {
            e.ToTable("checkpoints");
            e.HasKey(x => x.TreeSize);
            e.Property(x => x.TreeSize).HasColumnName("tree_size").ValueGeneratedNever();
            e.Property(x => x.RootHash).HasColumnName("root_hash");
            e.Property(x => x.TimestampUs).HasColumnName("ts_us");
            e.Property(x => x.KeyId).HasColumnName("key_id").HasMaxLength(128);
            e.Property(x => x.Signature).HasColumnName("signature");
            e.Property(x => x.Note).HasColumnName("note");
        });
        ModuleTableLayout.Apply(modelBuilder, Module, Database.IsSqlite());
    }
}

/// <summary>SQLite flavour of <see cref="AuditDbContext"/> (owns the SQLite migrations).</summary>
internal sealed class AuditSqliteDbContext(DbContextOptions<AuditSqliteDbContext> options) : AuditDbContext(options);

/// <summary>PostgreSQL flavour of <see cref="AuditDbContext"/> (owns the PostgreSQL migrations).</summary>
internal sealed class AuditPostgresDbContext(DbContextOptions<AuditPostgresDbContext> options) : AuditDbContext(options);

/// <summary>Design-time factory for <c>dotnet ef</c> (SQLite).</summary>
internal sealed class AuditSqliteDesignTimeFactory : IDesignTimeDbContextFactory<AuditSqliteDbContext>
{
    public AuditSqliteDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<AuditSqliteDbContext>();
        ModuleDbContextRegistration.Configure(b, DesignTime.Sqlite, AuditDbContext.Module);
        return new AuditSqliteDbContext(b.Options);
    }
}

/// <summary>Design-time factory for <c>dotnet ef</c> (PostgreSQL).</summary>
internal sealed class AuditPostgresDesignTimeFactory : IDesignTimeDbContextFactory<AuditPostgresDbContext>
{
    public AuditPostgresDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<AuditPostgresDbContext>();
        ModuleDbContextRegistration.Configure(b, DesignTime.PostgreSql, AuditDbContext.Module);
        return new AuditPostgresDbContext(b.Options);
    }
}
