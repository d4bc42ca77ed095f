using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Qilu.Cases.Handling;
using Qilu.Cases.Library;
using Qilu.Cases.Offers;
using Qilu.Cases.Ratings;
using Qilu.Platform.Events;
using Qilu.Platform.Persistence;

namespace Qilu.Cases.Data;

/// <summary>The Cases module's data: cases and their timelines, the materials library, ratings, rectifications, offers, outbox and inbox.</summary>
internal abstract class CasesDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "cases";

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseEntry> Entries => Set<CaseEntry>();

    public DbSet<LibraryFile> Files => Set<LibraryFile>();

    public DbSet<Rating> Ratings => Set<Rating>();

    public DbSet<Rectification> Rectifications => Set<Rectification>();

    public DbSet<Offer> Offers => Set<Offer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Case>(e =>
        {
            e.ToTable("cases");
            e.HasKey(x => x.Id);
            e.Property(x => x.Number).HasMaxLength(40);
            e.Property(x => x.MatterCode).HasMaxLength(20);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.BundleCode).HasMaxLength(64);
            e.Property(x => x.DivisionCode).HasMaxLength(12);
            e.Property(x => x.ApplicantId).HasMaxLength(64);
            e.Property(x => x.ApplicantName).HasMaxLength(64);
            e.Property(x => x.UnitName).HasMaxLength(100);
            e.Property(x => x.UnitKind).HasMaxLength(40);
            e.Property(x => x.UnitDivision).HasMaxLength(12);
            e.Property(x => x.UnitCreditCode).HasMaxLength(18);
            e.Property(x => x.WorkflowKey).HasMaxLength(64);
            e.Property(x => x.Decision).HasMaxLength(20);
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.Property(x => x.CorrectionNote).HasMaxLength(1000);
            e.Property(x => x.IdempotencyKey).HasMaxLength(100);
            e.Property(x => x.LicenceType).HasMaxLength(64);
            e.Property(x => x.SubmittedAt).AsSortableTime();
            e.Property(x => x.DueAt).AsSortableTime();
            e.Property(x => x.DecidedAt).AsSortableTime();
            e.Property(x => x.ClosedAt).AsSortableTime();
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Number).IsUnique();
            e.HasIndex(x => new { x.ApplicantId, x.IdempotencyKey }).IsUnique();
            e.HasIndex(x => new { x.ApplicantId, x.SubmittedAt });
            e.HasIndex(x => new { x.UnitId, x.Status });
            e.HasIndex(x => new { x.UnitDivision, x.Status, x.DueAt });
            e.HasIndex(x => x.ParentId);
            e.HasIndex(x => x.InstanceId);
        });
        modelBuilder.Entity<CaseEntry>(e =>
        {
            e.ToTable("case_entries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Action).HasMaxLength(64);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.ActorId).HasMaxLength(64);
            e.Property(x => x.ActorName).HasMaxLength(64);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.At).AsSortableTime();
            e.HasIndex(x => new { x.CaseId, x.At });
        });
        modelBuilder.Entity<LibraryFile>(e =>
        {
            e.ToTable("library_files");
            e.HasKey(x => x.Id);
            e.Property(x => x.OwnerId).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.MaterialName).HasMaxLength(200);
            e.Property(x => x.ContentType).HasMaxLength(64);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.UploadedAt).AsSortableTime();
            e.Property(x => x.ValidUntil).AsSortableTime();
            e.HasIndex(x => new { x.OwnerId, x.UploadedAt });
        });
        modelBuilder.Entity<Rating>(e =>
        {
            e.ToTable("ratings");
            e.HasKey(x => x.Id);
            e.Property(x => x.ApplicantId).HasMaxLength(64);
            e.Property(x => x.Comment).HasMaxLength(1000);
            e.Property(x => x.MatterCode).HasMaxLength(20);
            e.Property(x => x.MatterName).HasMaxLength(200);
            e.Property(x => x.UnitName).HasMaxLength(100);
            e.Property(x => x.DivisionCode).HasMaxLength(12);
            e.Property(x => x.RatedAt).AsSortableTime();
            e.HasIndex(x => x.CaseId).IsUnique();
            e.HasIndex(x => x.DivisionCode);
        });
        modelBuilder.Entity<Rectification>(e =>
        {
            e.ToTable("rectifications");
            e.HasKey(x => x.Id);
            e.Property(x => x.DivisionCode).HasMaxLength(12);
            e.Property(x => x.Reply).HasMaxLength(2000);
            e.Property(x => x.CallbackNote).HasMaxLength(1000);
            e.Property(x => x.Appeal).HasMaxLength(1000);
            e.Property(x => x.OpenedAt).AsSortableTime();
            e.Property(x => x.DueAt).AsSortableTime();
            e.Property(x => x.RepliedAt).AsSortableTime();
            e.Property(x => x.AppealedAt).AsSortableTime();
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.RatingId).IsUnique();
            e.HasIndex(x => new { x.UnitId, x.Status });
        });
        modelBuilder.Entity<Offer>(e =>
        {
            e.ToTable("offers");
            e.HasKey(x => x.Id);
            e.Property(x => x.BundleCode).HasMaxLength(64);
            e.Property(x => x.BundleName).HasMaxLength(200);
            e.Property(x => x.DivisionCode).HasMaxLength(12);
            e.Property(x => x.RecipientId).HasMaxLength(64);
            e.Property(x => x.RecipientName).HasMaxLength(64);
            e.Property(x => x.TriggerEvent).HasMaxLength(100);
            e.Property(x => x.CreatedAt).AsSortableTime();
            e.Property(x => x.ExpiresAt).AsSortableTime();
            e.Property(x => x.AnsweredAt).AsSortableTime();
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.RecipientId, x.Status });
            e.HasIndex(x => new { x.TriggerEventId, x.RecipientId, x.BundleCode }).IsUnique();
        });
        modelBuilder.AddOutbox();
        modelBuilder.AddInbox();
        ModuleTableLayout.Apply(modelBuilder, Module, Database.IsSqlite());
    }

    /// <summary>Bumps the version of every modified versioned entity so that concurrent changes conflict instead of overwriting.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ConcurrencyVersions.Bump(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

internal sealed class CasesSqliteDbContext(DbContextOptions<CasesSqliteDbContext> options) : CasesDbContext(options);

internal sealed class CasesPostgresDbContext(DbContextOptions<CasesPostgresDbContext> options) : CasesDbContext(options);

internal sealed class CasesSqliteDesignFactory : IDesignTimeDbContextFactory<CasesSqliteDbContext>
{
    public CasesSqliteDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<CasesSqliteDbContext>();
        ModuleDbContextRegistration.Configure(b, DesignTime.Sqlite, CasesDbContext.Module);
        return new CasesSqliteDbContext(b.Options);
    }
}

internal sealed class CasesPostgresDesignFactory : IDesignTimeDbContextFactory<CasesPostgresDbContext>
{
    public CasesPostgresDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<CasesPostgresDbContext>();
        ModuleDbContextRegistration.Configure(b, DesignTime.PostgreSql, CasesDbContext.Module);
        return new CasesPostgresDbContext(b.Options);
    }
}
