using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Qilu.Notices.Notices;
using Qilu.Platform.Persistence;

namespace Qilu.Notices.Data;

/// <summary>The Notices module's data: notices and their corrections.</summary>
internal abstract class NoticesDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "notices";

    public DbSet<Notice> Notices => Set<Notice>();

    public DbSet<NoticeCorrection> Corrections => Set<NoticeCorrection>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Notice>(e =>
        {
            e.ToTable("notices");
            e.HasKey(x => x.Id);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Body).HasMaxLength(20_000);
            e.Property(x => x.Category).HasMaxLength(20);
            e.Property(x => x.UnitName).HasMaxLength(100);
            e.Property(x => x.DivisionCode).HasMaxLength(12);
            e.Property(x => x.CreatedBy).HasMaxLength(64);
            e.Property(x => x.WithdrawReason).HasMaxLength(500);
            e.Property(x => x.Status).HasConversion<int>();
            // Sortable on SQLite too: lists order by publication and filter out expired notices in SQL.
            e.Property(x => x.CreatedAt).AsSortableTime();
            e.Property(x => x.UpdatedAt).AsSortableTime();
            e.Property(x => x.PublishedAt).AsSortableTime();
            e.Property(x => x.ValidUntil).AsSortableTime();
            e.Property(x => x.WithdrawnAt).AsSortableTime();
            e.Property(x => x.CorrectedAt).AsSortableTime();
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.Status, x.PublishedAt });
            e.HasIndex(x => x.UnitId);
        });
        modelBuilder.Entity<NoticeCorrection>(e =>
        {
            e.ToTable("notice_corrections");
            e.HasKey(x => x.Id);
            e.Property(x => x.CorrectedBy).HasMaxLength(64);
            e.Property(x => x.Note).HasMaxLength(500);
            e.Property(x => x.PreviousTitle).HasMaxLength(100);
            e.Property(x => x.PreviousBody).HasMaxLength(20_000);
            e.Property(x => x.CorrectedAt).AsSortableTime();
            // Two corrections racing on one notice cannot both become number n (the notice's version refuses one first).
            e.HasIndex(x => new { x.NoticeId, x.Number }).IsUnique();
            e.HasOne<Notice>().WithMany().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.Cascade);
        });
        ModuleTableLayout.Apply(modelBuilder, Module, Database.IsSqlite());
    }

    /// <summary>Bumps the version of every modified notice, so that a concurrent edit of the same version conflicts (409).</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ConcurrencyVersions.Bump(ChangeTracker, "Version");
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

internal sealed class NoticesSqliteDbContext(DbContextOptions<NoticesSqliteDbContext> options) : NoticesDbContext(options);

internal sealed class NoticesPostgresDbContext(DbContextOptions<NoticesPostgresDbContext> options) : NoticesDbContext(options);

internal sealed class NoticesSqliteDesignFactory : IDesignTimeDbContextFactory<NoticesSqliteDbContext>
{
    public NoticesSqliteDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<NoticesSqliteDbContext>();
        ModuleDbContextRegistration.Configure(b, DesignTime.Sqlite, NoticesDbContext.Module);
        return new NoticesSqliteDbContext(b.Options);
    }
}

internal sealed class NoticesPostgresDesignFactory : IDesignTimeDbContextFactory<NoticesPostgresDbContext>
{
    public NoticesPostgresDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<NoticesPostgresDbContext>();
        ModuleDbContextRegistration.Configure(b, DesignTime.PostgreSql, NoticesDbContext.Module);
        return new NoticesPostgresDbContext(b.Options);
    }
}
