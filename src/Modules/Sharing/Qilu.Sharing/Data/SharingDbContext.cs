using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Qilu.Platform.Events;
using Qilu.Platform.Persistence;
using Qilu.Sharing.Applications;
using Qilu.Sharing.Gateway;
using Qilu.Sharing.Grants;
using Qilu.Sharing.Needs;
using Qilu.Sharing.Subscriptions;
using Qilu.Sharing.Usage;

namespace Qilu.Sharing.Data;

/// <summary>The Sharing module's data: applications with their steps, grants, quota counters, metering, subscriptions, needs.</summary>
internal abstract class SharingDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "sharing";

    public DbSet<SharingApplication> Applications => Set<SharingApplication>();
    public DbSet<ApplicationStep> Steps => Set<ApplicationStep>();
    public DbSet<Grant> Grants => Set<Grant>();
    public DbSet<QuotaCounter> Quota => Set<QuotaCounter>();
    public DbSet<MeteringRecord> Metering => Set<MeteringRecord>();
    public DbSet<MeteringCursor> MeteringCursors => Set<MeteringCursor>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<DataNeed> Needs => Set<DataNeed>();
    public DbSet<NeedAnswer> NeedAnswers => Set<NeedAnswer>();
    public DbSet<ApprovalPolicy> ApprovalPolicies => Set<ApprovalPolicy>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SharingApplication>(e =>
        {
            e.ToTable("applications");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Number).HasMaxLength(32);
            e.Property(x => x.ConsumerName).HasMaxLength(100);
            e.Property(x => x.ConsumerDivision).HasMaxLength(12);
            e.Property(x => x.ApplicantId).HasMaxLength(64);
            e.Property(x => x.ApplicantName).HasMaxLength(100);
            e.Property(x => x.EntryCode).HasMaxLength(40);
            e.Property(x => x.EntryName).HasMaxLength(200);
            e.Property(x => x.ProviderName).HasMaxLength(100);
            e.Property(x => x.ProviderDivision).HasMaxLength(12);
            e.Property(x => x.ClientIds).HasMaxLength(4000);
            e.Ignore(x => x.ClientIdList);
            e.Property(x => x.ShareType).HasConversion<int>();
            e.Property(x => x.Grade).HasConversion<int>();
            e.Property(x => x.Status).HasConversion<int>();
            e.Property(x => x.Purpose).HasMaxLength(1000);
            e.Property(x => x.LegalBasis).HasMaxLength(1000);
            e.Property(x => x.Scenario).HasMaxLength(1000);
            e.Property(x => x.Fields).HasMaxLength(4000);
            e.Property(x => x.RowScope).HasMaxLength(12);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Number).IsUnique();
            e.HasIndex(x => new { x.Status, x.DueAt });
            e.HasIndex(x => x.ConsumerUnitId);
            e.HasIndex(x => x.ProviderUnitId);
            e.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.ApplicationId);
            e.Ignore(x => x.FieldList);
        });
        modelBuilder.Entity<ApplicationStep>(e =>
        {
            e.ToTable("application_steps");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Decision).HasMaxLength(16);
            e.Property(x => x.Comment).HasMaxLength(1000);
            e.Property(x => x.DeciderId).HasMaxLength(64);
            e.Property(x => x.DeciderName).HasMaxLength(100);
            e.Ignore(x => x.Overdue);
        });
        modelBuilder.Entity<Grant>(e =>
        {
            e.ToTable("grants");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.ConsumerName).HasMaxLength(100);
            e.Property(x => x.ConsumerDivision).HasMaxLength(12);
            e.Property(x => x.EntryCode).HasMaxLength(40);
            e.Property(x => x.EntryName).HasMaxLength(200);
            e.Property(x => x.ProviderName).HasMaxLength(100);
            e.Property(x => x.ProviderDivision).HasMaxLength(12);
            e.Property(x => x.Purpose).HasMaxLength(1000);
            e.Property(x => x.Fields).HasMaxLength(4000);
            e.Property(x => x.Masking).HasMaxLength(4000);
            e.Property(x => x.RowScope).HasMaxLength(12);
            e.Property(x => x.ShareMethods).HasMaxLength(100);
            e.Property(x => x.ClientIds).HasMaxLength(4000);
            e.Property(x => x.Status).HasConversion<int>();
            e.Property(x => x.StatusReason).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.ConsumerUnitId);
            e.HasIndex(x => x.ProviderUnitId);
            e.HasIndex(x => x.EntryId);
            e.Ignore(x => x.FieldList);
            e.Ignore(x => x.MaskingRules);
            e.Ignore(x => x.ClientIdList);
        });
        modelBuilder.Entity<QuotaCounter>(e =>
        {
            e.ToTable("quota_counters");
            e.HasKey(x => new { x.GrantId, x.Day });
        });
        modelBuilder.Entity<MeteringCursor>(e =>
        {
            e.ToTable("metering_cursor");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasData(new MeteringCursor { NextSequence = 0 });
        });
        modelBuilder.Entity<MeteringRecord>(e =>
        {
            e.ToTable("metering");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.ClientId).HasMaxLength(100);
            e.Property(x => x.ConsumerName).HasMaxLength(100);
            e.Property(x => x.ProviderName).HasMaxLength(100);
            e.Property(x => x.ConsumerDivision).HasMaxLength(12);
            e.Property(x => x.ProviderDivision).HasMaxLength(12);
            e.Property(x => x.EntryName).HasMaxLength(200);
            e.Property(x => x.Operation).HasMaxLength(32);
            e.Property(x => x.RequestHash).HasMaxLength(64);
            e.HasIndex(x => x.At);
            e.HasIndex(x => new { x.GrantId, x.At });
        });
        modelBuilder.Entity<Subscription>(e =>
        {
            e.ToTable("subscriptions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.ClientId).HasMaxLength(100);
            e.Property(x => x.CallbackUrl).HasMaxLength(500);
            e.Property(x => x.State).HasConversion<int>();
            e.Property(x => x.StateReason).HasMaxLength(300);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.ResourceId);
            e.HasIndex(x => x.GrantId);
            // The delivery loop's question every few seconds: which active subscriptions are due.
            e.HasIndex(x => new { x.State, x.NextAttemptAt });
        });
        modelBuilder.Entity<DataNeed>(e =>
        {
            e.ToTable("needs");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.UnitName).HasMaxLength(100);
            e.Property(x => x.Division).HasMaxLength(12);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.Fields).HasMaxLength(2000);
            e.Property(x => x.ProviderKind).HasMaxLength(40);
            e.Property(x => x.Status).HasConversion<int>();
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.UnitId);
            e.HasMany(x => x.Answers).WithOne().HasForeignKey(a => a.NeedId);
        });
        modelBuilder.Entity<NeedAnswer>(e =>
        {
            e.ToTable("need_answers");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.ProviderName).HasMaxLength(100);
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.Text).HasMaxLength(2000);
            e.Property(x => x.EntryCode).HasMaxLength(40);
            e.Property(x => x.AnsweredBy).HasMaxLength(100);
            e.HasIndex(x => x.ProviderUnitId);
        });
        modelBuilder.Entity<ApprovalPolicy>(e =>
        {
            e.ToTable("approval_policies");
            e.HasKey(x => x.ProviderUnitId);
            e.Property(x => x.ProviderUnitId).ValueGeneratedNever();
            e.Property(x => x.Levels).HasMaxLength(12);
            e.Property(x => x.UpdatedBy).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        modelBuilder.AddInbox();

        if (Database.IsSqlite())
        {
            // SQLite cannot ORDER BY or compare a DateTimeOffset stored as text; the binary form (UTC ticks) sorts.
            foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
                         .Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
                property.SetValueConverter(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
        }
        ModuleTableLayout.Apply(modelBuilder, Module, Database.IsSqlite());
    }

    /// <summary>
    /// Bumps the concurrency token of every modified versioned row so a concurrent edit conflicts (409), and tells the
    /// gateway's <see cref="GrantCache"/> of every grant written, once committed (ADR 0018, addendum 2).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ConcurrencyVersions.Bump(ChangeTracker, "Version");
        var grants = GrantsWritten();
        try
        {
            if (grants is null || !Database.IsNpgsql()) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            // PostgreSQL: the other nodes hear of the change through a notification sent in the change's own transaction
            // — delivered when it commits, never when it rolls back (GrantCacheListener).
            if (Database.CurrentTransaction is not null)
            {
                var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                await NotifyGrantsChangedAsync(grants, cancellationToken);
                return saved;
            }
            await using var tx = await Database.BeginTransactionAsync(cancellationToken);
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await NotifyGrantsChangedAsync(grants, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            if (grants is not null) GrantsChanged(grants);
        }
    }

    /// <inheritdoc cref="SaveChangesAsync(bool, CancellationToken)"/>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ConcurrencyVersions.Bump(ChangeTracker, "Version");
        var grants = GrantsWritten();
        try
        {
            if (grants is null || !Database.IsNpgsql()) return base.SaveChanges(acceptAllChangesOnSuccess);
            if (Database.CurrentTransaction is not null)
            {
                var saved = base.SaveChanges(acceptAllChangesOnSuccess);
                Database.ExecuteSql(GrantsChangedNotification(grants));
                return saved;
            }
            using var tx = Database.BeginTransaction();
            var count = base.SaveChanges(acceptAllChangesOnSuccess);
            Database.ExecuteSql(GrantsChangedNotification(grants));
            tx.Commit();
            return count;
        }
        finally
        {
            if (grants is not null) GrantsChanged(grants);
        }
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.AddInterceptors(GrantTransactionEnd.Instance);
    }

    private HashSet<Guid>? _grantsInTransaction;

    // Names this node, so that its own listener skips what it has already invalidated.
    private FormattableString GrantsChangedNotification(List<Guid> grants) =>
        $"SELECT pg_notify({GrantCacheListener.Channel}, {GrantCacheListener.Payload(Cache()?.Node ?? Guid.Empty, grants)})";

    private async Task NotifyGrantsChangedAsync(List<Guid> grants, CancellationToken ct) =>
        await Database.ExecuteSqlAsync(GrantsChangedNotification(grants), ct);

    private List<Guid>? GrantsWritten()
    {
        List<Guid>? ids = null;
        foreach (var e in ChangeTracker.Entries<Grant>())
            if (e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) (ids ??= []).Add(e.Entity.Id);
        return ids;
    }

    /// <summary>
    /// Invalidates the written grants now (the change is committed unless a transaction encloses it) and, inside a
    /// transaction, again when it ends: a gateway read between this SaveChanges and the commit still sees the old row
    /// and must not stay cached.
    /// </summary>
    private void GrantsChanged(List<Guid> ids)
    {
        if (Cache() is not { } cache) return;
        cache.Invalidate(ids);
        if (Database.CurrentTransaction is not null) (_grantsInTransaction ??= []).UnionWith(ids);
    }

    /// <summary>Called by <see cref="GrantTransactionEnd"/> when a transaction of this context commits, rolls back or fails.</summary>
    internal void TransactionEnded()
    {
        if (_grantsInTransaction is not { } ids) return;
        _grantsInTransaction = null;
        Cache()?.Invalidate(ids);
    }

    // The application's singleton (the context is built by AddDbContext with the application's provider); absent for
    // contexts built by hand (design time), where no gateway runs either.
    private GrantCache? Cache() =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(GrantCache)) as GrantCache;
}

/// <summary>Ends the grant invalidations of a transaction (see <see cref="SharingDbContext.TransactionEnded"/>).</summary>
internal sealed class GrantTransactionEnd : DbTransactionInterceptor
{
    public static readonly GrantTransactionEnd Instance = new();

    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => End(eventData);

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        End(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => End(eventData);

    public override Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        End(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(System.Data.Common.DbTransaction transaction, TransactionErrorEventData eventData) => End(eventData);

    public override Task TransactionFailedAsync(System.Data.Common.DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        End(eventData);
        return Task.CompletedTask;
    }

    private static void End(TransactionEventData eventData) => (eventData.Context as SharingDbContext)?.TransactionEnded();
}

internal sealed class SharingSqliteDbContext(DbContextOptions<SharingSqliteDbContext> options) : SharingDbContext(options);

internal sealed class SharingPostgresDbContext(DbContextOptions<SharingPostgresDbContext> options) : SharingDbContext(options);

internal sealed class SharingSqliteDesignFactory : IDesignTimeDbContextFactory<SharingSqliteDbContext>
{
    public SharingSqliteDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<SharingSqliteDbContext>();
        ModuleDbContextRegistration.Configure(b, DesignTime.Sqlite, SharingDbContext.Module);
        return new SharingSqliteDbContext(b.Options);
    }
}

internal sealed class SharingPostgresDesignFactory : IDesignTimeDbContextFactory<SharingPostgresDbContext>
{
    public SharingPostgresDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<SharingPostgresDbContext>();
        ModuleDbContextRegistration.Configure(b, DesignTime.PostgreSql, SharingDbContext.Module);
        return new SharingPostgresDbContext(b.Options);
    }
}
