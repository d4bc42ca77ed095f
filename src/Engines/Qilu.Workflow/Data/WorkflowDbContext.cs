using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Qilu.Platform.Persistence;
using Qilu.Workflow.Calendar;
using Qilu.Workflow.Definitions;
using Qilu.Platform.Events;
using Qilu.Workflow.Runtime;

namespace Qilu.Workflow.Data;

/// <summary>The workflow engine's data: definitions, instances, tokens, tasks, timers, history, events, calendar.</summary>
internal abstract class WorkflowDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "workflow";

    public DbSet<DefinitionRecord> Definitions => Set<DefinitionRecord>();
    public DbSet<ProcessInstance> Instances => Set<ProcessInstance>();
    public DbSet<Execution> Executions => Set<Execution>();
    public DbSet<WorkTask> Tasks => Set<WorkTask>();
    public DbSet<WorkflowTimer> Timers => Set<WorkflowTimer>();
    public DbSet<HistoryEntry> History => Set<HistoryEntry>();
    public DbSet<CalendarEntry> Calendar => Set<CalendarEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DefinitionRecord>(e =>
        {
            e.ToTable("definitions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Key).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.DeployedBy).HasMaxLength(64);
            e.HasIndex(x => new { x.Key, x.Version }).IsUnique();
        });
        modelBuilder.Entity<ProcessInstance>(e =>
        {
            e.ToTable("instances");
            e.HasKey(x => x.Id);
            e.Property(x => x.DefinitionKey).HasMaxLength(64);
            e.Property(x => x.BusinessKey).HasMaxLength(128);
            e.Property(x => x.StartedBy).HasMaxLength(64);
            e.Property(x => x.SuspensionReason).HasMaxLength(500);
            e.Property(x => x.EscalatedToDivision).HasMaxLength(12);
            e.Property(x => x.DivisionCode).HasMaxLength(12);
            e.Property(x => x.Version).IsConcurrencyToken();
            // Idempotent start: one instance per (definition key, business key), whatever the version.
            e.HasIndex(x => new { x.DefinitionKey, x.BusinessKey }).IsUnique();
            e.HasIndex(x => x.ParentInstanceId);
            e.HasMany(x => x.Executions).WithOne().HasForeignKey(x => x.InstanceId);
        });
        modelBuilder.Entity<Execution>(e =>
        {
            e.ToTable("executions");
            e.HasKey(x => x.Id);
            e.Property(x => x.NodeId).HasMaxLength(64);
            e.Property(x => x.LastUserTask).HasMaxLength(64);
        });
        modelBuilder.Entity<WorkTask>(e =>
        {
            e.ToTable("tasks");
            e.HasKey(x => x.Id);
            e.Property(x => x.DefinitionKey).HasMaxLength(64);
            e.Property(x => x.BusinessKey).HasMaxLength(128);
            e.Property(x => x.NodeId).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.UnitKind).HasMaxLength(40);
            e.Property(x => x.DivisionCode).HasMaxLength(12);
            e.Property(x => x.Role).HasMaxLength(64);
            e.Property(x => x.CandidateGroups).HasMaxLength(500);
            e.Property(x => x.Assignee).HasMaxLength(64);
            e.Property(x => x.DelegatedBy).HasMaxLength(64);
            e.Property(x => x.CompletedBy).HasMaxLength(64);
            e.Property(x => x.Outcome).HasMaxLength(64);
            e.Property(x => x.EscalatedToDivision).HasMaxLength(12);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Groups);
            e.Ignore(x => x.IsLive);
            e.HasIndex(x => x.InstanceId);
            e.HasIndex(x => new { x.State, x.DivisionCode, x.Role });
            e.HasIndex(x => new { x.Assignee, x.State });
            e.HasIndex(x => new { x.EscalatedToDivision, x.State });
        });
        modelBuilder.Entity<WorkflowTimer>(e =>
        {
            e.ToTable("timers");
            e.HasKey(x => x.Id);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.State, x.DueAt });
            e.HasIndex(x => x.InstanceId);
        });
        modelBuilder.Entity<HistoryEntry>(e =>
        {
            e.ToTable("history");
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Action).HasMaxLength(64);
            e.Property(x => x.NodeId).HasMaxLength(64);
            e.Property(x => x.ActorId).HasMaxLength(64);
            e.Property(x => x.ActorName).HasMaxLength(64);
            e.HasIndex(x => new { x.InstanceId, x.Sequence });
        });
        modelBuilder.Entity<CalendarEntry>(e =>
        {
            e.ToTable("calendar");
            e.HasKey(x => x.Date);
            e.Property(x => x.Name).HasMaxLength(64);
            e.Property(x => x.UpdatedBy).HasMaxLength(64);
            e.HasIndex(x => x.Year);
        });

        modelBuilder.AddOutbox();
        ModuleTableLayout.Apply(modelBuilder, Module, Database.IsSqlite());
    }

    /// <summary>
    /// Bumps the version of every modified versioned entity so that concurrent changes conflict instead of overwriting
    /// (as <see cref="ConcurrencyVersions.Bump"/> does for other modules). Changes are detected once here and not again
    /// by the save itself: detection walks every tracked entity, and a transition tracks a dozen or more.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var tracker = ChangeTracker;
        if (!_prepared) Prepare();
        var auto = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = auto;
            _prepared = false;
        }
    }

    private bool _prepared;

    /// <summary>
    /// History rows of the current unit of work that are appended without change tracking: on SQLite the group
    /// commit inserts them with one prepared statement (append-only rows need neither snapshots nor key propagation);
    /// elsewhere they are added to the context just before the save. Cleared when a unit of work starts and after it
    /// is saved (a pooled context keeps the list).
    /// </summary>
    internal List<HistoryEntry> PendingHistory { get; } = [];

    /// <summary>
    /// Outbox rows of the current unit of work (the events it publishes), appended without change tracking like
    /// <see cref="PendingHistory"/> and in the same transaction as the change they report.
    /// </summary>
    internal List<object> PendingOutbox { get; } = [];

    /// <summary>
    /// Detects the changes and bumps the versions now, on the caller's thread, so that a save queued to the SQLite
    /// group commit's single writer does only the writing there (ADR 0014 addendum). No change may follow before the
    /// save.
    /// </summary>
    internal void PrepareSave()
    {
        Prepare();
        _prepared = true;
    }

    private void Prepare()
    {
        var tracker = ChangeTracker;
        tracker.DetectChanges();
        var auto = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in tracker.Entries())
            {
                // The same rule as ConcurrencyVersions.Bump: a modified entity's uint Version, set through the tracker
                // so that the UPDATE writes the new value and checks the old one.
                if (entry.State != EntityState.Modified || entry.Metadata.FindProperty("Version") is not { } p || p.ClrType != typeof(uint)) continue;
                var version = entry.Property(p.Name);
                version.CurrentValue = (uint)version.CurrentValue! + 1;
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = auto;
        }
    }
}

internal sealed class WorkflowSqliteDbContext(DbContextOptions<WorkflowSqliteDbContext> options) : WorkflowDbContext(options)
{
    /// <summary>
    /// SQLite has no instant type and EF cannot compare DateTimeOffset text there; timers and deadlines are queried by
    /// range, so instants are stored as sortable binary (ticks) values (all are UTC).
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

internal sealed class WorkflowPostgresDbContext(DbContextOptions<WorkflowPostgresDbContext> options) : WorkflowDbContext(options);

internal sealed class WorkflowSqliteDesignFactory : IDesignTimeDbContextFactory<WorkflowSqliteDbContext>
{
    public WorkflowSqliteDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<WorkflowSqliteDbContext>();
        ModuleDbContextRegistration.Configure(b, DesignTime.Sqlite, WorkflowDbContext.Module);
        return new WorkflowSqliteDbContext(b.Options);
    }
}

internal sealed class WorkflowPostgresDesignFactory : IDesignTimeDbContextFactory<WorkflowPostgresDbContext>
{
    public WorkflowPostgresDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<WorkflowPostgresDbContext>();
        ModuleDbContextRegistration.Configure(b, DesignTime.PostgreSql, WorkflowDbContext.Module);
        return new WorkflowPostgresDbContext(b.Options);
    }
}
