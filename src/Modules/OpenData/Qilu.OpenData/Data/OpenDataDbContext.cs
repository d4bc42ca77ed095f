using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Qilu.OpenData.Access;
using Qilu.OpenData.Datasets;
using Qilu.OpenData.Feedback;
using Qilu.Platform.Events;
using Qilu.Platform.Persistence;

namespace Qilu.OpenData.Data;

/// <summary>The OpenData module's data: datasets and their resources, catalog candidates, conditional-access
/// applications with their reports, data requests and corrections, the inbox of catalog events.</summary>
internal abstract class OpenDataDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "opendata";

    public DbSet<Dataset> Datasets => Set<Dataset>();

    public DbSet<DatasetResource> Resources => Set<DatasetResource>();

    public DbSet<CandidateEntry> Candidates => Set<CandidateEntry>();

    public DbSet<AccessApplication> Applications => Set<AccessApplication>();

    public DbSet<UsageReport> Reports => Set<UsageReport>();

    public DbSet<DataRequest> DataRequests => Set<DataRequest>();

    public DbSet<Correction> Corrections => Set<Correction>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Dataset>(e =>
        {
            e.ToTable("datasets");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.EntryCode).HasMaxLength(40);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Description).HasMaxLength(4000);
            e.Property(x => x.Theme).HasMaxLength(50);
            e.Property(x => x.TagsText).HasMaxLength(1000);
            e.Property(x => x.LicenseId).HasMaxLength(40);
            e.Property(x => x.PublisherName).HasMaxLength(100);
            e.Property(x => x.PublisherCode).HasMaxLength(18);
            e.Property(x => x.PublisherDivision).HasMaxLength(12);
            e.Property(x => x.UpdateCycle).HasMaxLength(20);
            e.Property(x => x.OpenType).HasConversion<int>();
            e.Property(x => x.Grade).HasConversion<int>();
            e.Property(x => x.State).HasConversion<int>();
            e.Property(x => x.PublishedBy).HasMaxLength(100);
            e.Property(x => x.WithdrawReason).HasMaxLength(1000);
            e.Property(x => x.CreatedAt).AsSortableTime();
            e.Property(x => x.ModifiedAt).AsSortableTime();
            e.Property(x => x.WithdrawnAt).AsSortableTime();
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Tags);
            e.Ignore(x => x.Fields);
            e.HasIndex(x => x.Name).IsUnique();
            e.HasIndex(x => x.EntryId);
            e.HasIndex(x => new { x.State, x.ModifiedAt });
            e.HasIndex(x => x.PublisherUnitId);
            e.HasMany(x => x.Resources).WithOne().HasForeignKey(r => r.DatasetId);
        });
        modelBuilder.Entity<DatasetResource>(e =>
        {
            e.ToTable("dataset_resources");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.CreatedAt).AsSortableTime();
            e.HasIndex(x => x.CatalogResourceId);
        });
        modelBuilder.Entity<CandidateEntry>(e =>
        {
            e.ToTable("candidate_entries");
            e.HasKey(x => x.EntryId);
            e.Property(x => x.Code).HasMaxLength(40);
            e.Property(x => x.PublishedAt).AsSortableTime();
            e.HasIndex(x => x.ProviderUnitId);
        });
        modelBuilder.Entity<AccessApplication>(e =>
        {
            e.ToTable("applications");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.ApplicantId).HasMaxLength(100);
            e.Property(x => x.ApplicantName).HasMaxLength(100);
            e.Property(x => x.EnterpriseCreditCode).HasMaxLength(18);
            e.Property(x => x.Purpose).HasMaxLength(1000);
            e.Property(x => x.Scenario).HasMaxLength(1000);
            e.Property(x => x.FieldsText).HasMaxLength(2000);
            e.Ignore(x => x.Fields);
            e.Property(x => x.Status).HasConversion<int>();
            e.Property(x => x.DecidedBy).HasMaxLength(100);
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.Property(x => x.Terms).HasMaxLength(2000);
            e.Property(x => x.KeyHash).HasMaxLength(64);
            e.Property(x => x.KeyPrefix).HasMaxLength(16);
            e.Property(x => x.SubmittedAt).AsSortableTime();
            e.Property(x => x.DueAt).AsSortableTime();
            e.Property(x => x.DecidedAt).AsSortableTime();
            e.Property(x => x.ValidUntil).AsSortableTime();
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.KeyHash).IsUnique();
            e.HasIndex(x => new { x.ProviderUnitId, x.Status });
            e.HasIndex(x => x.ApplicantId);
            e.HasMany(x => x.Reports).WithOne().HasForeignKey(r => r.ApplicationId);
        });
        modelBuilder.Entity<UsageReport>(e =>
        {
            e.ToTable("usage_reports");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Description).HasMaxLength(2000);
            e.Property(x => x.Link).HasMaxLength(500);
            e.Property(x => x.ReportedAt).AsSortableTime();
        });
        modelBuilder.Entity<DataRequest>(e =>
        {
            e.ToTable("data_requests");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.ProviderName).HasMaxLength(100);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Description).HasMaxLength(2000);
            e.Property(x => x.RequesterId).HasMaxLength(100);
            e.Property(x => x.RequesterName).HasMaxLength(100);
            e.Property(x => x.Status).HasConversion<int>();
            e.Property(x => x.Answer).HasMaxLength(2000);
            e.Property(x => x.AnsweredBy).HasMaxLength(100);
            e.Property(x => x.CreatedAt).AsSortableTime();
            e.Property(x => x.AnsweredAt).AsSortableTime();
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.ProviderUnitId, x.Status });
        });
        modelBuilder.Entity<Correction>(e =>
        {
            e.ToTable("corrections");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.DatasetTitle).HasMaxLength(200);
            e.Property(x => x.Description).HasMaxLength(2000);
            e.Property(x => x.ReporterId).HasMaxLength(100);
            e.Property(x => x.ReporterName).HasMaxLength(100);
            e.Property(x => x.Status).HasConversion<int>();
            e.Property(x => x.Answer).HasMaxLength(2000);
            e.Property(x => x.AnsweredBy).HasMaxLength(100);
            e.Property(x => x.CreatedAt).AsSortableTime();
            e.Property(x => x.AnsweredAt).AsSortableTime();
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.ProviderUnitId, x.Status });
        });
        modelBuilder.AddInbox();
        ModuleTableLayout.Apply(modelBuilder, Module, Database.IsSqlite());
    }

    /// <summary>Bumps the concurrency token of every modified versioned row so that a concurrent edit conflicts (409).</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ConcurrencyVersions.Bump(ChangeTracker, "Version");
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

internal sealed class OpenDataSqliteDbContext(DbContextOptions<OpenDataSqliteDbContext> options) : OpenDataDbContext(options);

internal sealed class OpenDataPostgresDbContext(DbContextOptions<OpenDataPostgresDbContext> options) : OpenDataDbContext(options);

internal sealed class OpenDataSqliteDesignFactory : IDesignTimeDbContextFactory<OpenDataSqliteDbContext>
{
    public OpenDataSqliteDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<OpenDataSqliteDbContext>();
        ModuleDbContextRegistration.Configure(b, DesignTime.Sqlite, OpenDataDbContext.Module);
        return new OpenDataSqliteDbContext(b.Options);
    }
}

internal sealed class OpenDataPostgresDesignFactory : IDesignTimeDbContextFactory<OpenDataPostgresDbContext>
{
    public OpenDataPostgresDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<OpenDataPostgresDbContext>();
        ModuleDbContextRegistration.Configure(b, DesignTime.PostgreSql, OpenDataDbContext.Module);
        return new OpenDataPostgresDbContext(b.Options);
    }
}
