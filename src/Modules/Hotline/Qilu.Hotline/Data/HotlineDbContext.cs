using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Qilu.Hotline.Knowledge;
using Qilu.Hotline.Open311;
using Qilu.Hotline.Tickets;
using Qilu.Platform.Events;
using Qilu.Platform.Persistence;

namespace Qilu.Hotline.Data;

/// <summary>The Hotline module's data: tickets and their timelines, Open311 API keys, the knowledge base, outbox and inbox.</summary>
internal abstract class HotlineDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = HotlineModule.Key;

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<TicketEntry> Entries => Set<TicketEntry>();

    public DbSet<Open311Key> ApiKeys => Set<Open311Key>();

    public DbSet<KnowledgeArticle> Articles => Set<KnowledgeArticle>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Ticket>(e =>
        {
            e.ToTable("tickets");
            e.HasKey(x => x.Id);
            e.Property(x => x.Number).HasMaxLength(24);
            e.Property(x => x.CallerNameProtected).HasMaxLength(400);
            e.Property(x => x.CallerPhoneProtected).HasMaxLength(400);
            e.Property(x => x.CallerPhoneIndex).HasMaxLength(64);
            e.Property(x => x.CallerNameMasked).HasMaxLength(64);
            e.Property(x => x.CallerPhoneMasked).HasMaxLength(32);
            e.Property(x => x.CitizenId).HasMaxLength(64);
            e.Property(x => x.Content).HasMaxLength(4000);
            e.Property(x => x.DivisionCode).HasMaxLength(12);
            e.Property(x => x.Address).HasMaxLength(200);
            e.Property(x => x.CategoryCode).HasMaxLength(6);
            e.Property(x => x.SuggestedCategory).HasMaxLength(6);
            e.Property(x => x.SuggestionModel).HasMaxLength(64);
            e.Property(x => x.LeadUnitName).HasMaxLength(100);
            e.Property(x => x.LeadUnitDivision).HasMaxLength(12);
            e.Property(x => x.CoUnitIds).HasMaxLength(400);
            e.Property(x => x.CoUnitNames).HasMaxLength(1000);
            e.Property(x => x.CreatedById).HasMaxLength(64);
            e.Property(x => x.CreatedByName).HasMaxLength(64);
            e.Property(x => x.Reply).HasMaxLength(4000);
            e.Property(x => x.EvidenceJson).HasMaxLength(4000);
            e.Property(x => x.CallbackNote).HasMaxLength(1000);
            e.Property(x => x.ReturnReason).HasMaxLength(1000);
            e.Property(x => x.ExtensionReason).HasMaxLength(1000);
            e.Property(x => x.EscalatedTo).HasMaxLength(12);
            e.Property(x => x.Token).HasMaxLength(32);
            e.Property(x => x.CreatedAt).AsSortableTime();
            e.Property(x => x.UpdatedAt).AsSortableTime();
            e.Property(x => x.DispatchedAt).AsSortableTime();
            e.Property(x => x.SignDueAt).AsSortableTime();
            e.Property(x => x.SignedAt).AsSortableTime();
            e.Property(x => x.DueAt).AsSortableTime();
            e.Property(x => x.RepliedAt).AsSortableTime();
            e.Property(x => x.ReviewedAt).AsSortableTime();
            e.Property(x => x.ClosedAt).AsSortableTime();
            e.Property(x => x.ExtensionUntil).AsSortableTime();
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Number).IsUnique();
            e.HasIndex(x => x.Token).IsUnique();
            e.HasIndex(x => new { x.DivisionCode, x.Status, x.CreatedAt });
            e.HasIndex(x => new { x.LeadUnitId, x.Status });
            e.HasIndex(x => new { x.Status, x.DueAt });
            e.HasIndex(x => new { x.Status, x.SignDueAt });
            e.HasIndex(x => new { x.Status, x.ReviewedAt });
            e.HasIndex(x => new { x.CitizenId, x.CreatedAt });
            e.HasIndex(x => new { x.CategoryCode, x.CreatedAt });
            e.HasIndex(x => x.CreatedAt);
            e.HasIndex(x => x.MergedIntoId);
            e.HasIndex(x => x.KnowledgeArticleId);
        });
        modelBuilder.Entity<KnowledgeArticle>(e =>
        {
            e.ToTable("knowledge_articles");
            e.HasKey(x => x.Id);
            e.Property(x => x.Title).HasMaxLength(SaveArticle.MaxTitle);
            e.Property(x => x.Body).HasMaxLength(SaveArticle.MaxBody);
            e.Property(x => x.CategoryCodes).HasMaxLength(100);
            e.Property(x => x.MatterCodes).HasMaxLength(1000);
            e.Property(x => x.OwnerUnitName).HasMaxLength(100);
            e.Property(x => x.OwnerDivision).HasMaxLength(12);
            e.Property(x => x.UpdatedById).HasMaxLength(64);
            e.Property(x => x.UpdatedByName).HasMaxLength(64);
            e.Property(x => x.CreatedAt).AsSortableTime();
            e.Property(x => x.UpdatedAt).AsSortableTime();
            e.Property(x => x.PublishedAt).AsSortableTime();
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.Status, x.OwnerDivision });
        });
        modelBuilder.Entity<TicketEntry>(e =>
        {
            e.ToTable("ticket_entries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Action).HasMaxLength(40);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.ActorId).HasMaxLength(64);
            e.Property(x => x.ActorName).HasMaxLength(64);
            e.Property(x => x.Note).HasMaxLength(4000);
            e.Property(x => x.At).AsSortableTime();
            e.HasIndex(x => new { x.TicketId, x.At });
        });
        modelBuilder.Entity<Open311Key>(e =>
        {
            e.ToTable("open311_keys");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.KeyHash).HasMaxLength(64);
            e.Property(x => x.CreatedAt).AsSortableTime();
            e.HasIndex(x => x.KeyHash).IsUnique();
        });
        modelBuilder.AddOutbox();
        modelBuilder.AddInbox();
        ModuleTableLayout.Apply(modelBuilder, Module, Database.IsSqlite());
    }

    /// <summary>Bumps the version of every modified ticket so that concurrent changes conflict instead of overwriting.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ConcurrencyVersions.Bump(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

internal sealed class HotlineSqliteDbContext(DbContextOptions<HotlineSqliteDbContext> options) : HotlineDbContext(options);

internal sealed class HotlinePostgresDbContext(DbContextOptions<HotlinePostgresDbContext> options) : HotlineDbContext(options);

internal sealed class HotlineSqliteDesignFactory : IDesignTimeDbContextFactory<HotlineSqliteDbContext>
{
    public HotlineSqliteDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<HotlineSqliteDbContext>();
        ModuleDbContextRegistration.Configure(b, DesignTime.Sqlite, HotlineDbContext.Module);
        return new HotlineSqliteDbContext(b.Options);
    }
}

internal sealed class HotlinePostgresDesignFactory : IDesignTimeDbContextFactory<HotlinePostgresDbContext>
{
    public HotlinePostgresDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<HotlinePostgresDbContext>();
        ModuleDbContextRegistration.Configure(b, DesignTime.PostgreSql, HotlineDbContext.Module);
        return new HotlinePostgresDbContext(b.Options);
    }
}
