using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Events;
using Microsoft.EntityFrameworkCore.Design;
using Qilu.Catalog.BaseList;
using Qilu.Catalog.Elements;
using Qilu.Catalog.Entries;
using Qilu.Catalog.Search;
using Qilu.Platform.Persistence;

namespace Qilu.Catalog.Data;

/// <summary>The Catalog module's data: data elements, entries with their versions and items, the base list, the outbox.</summary>
internal abstract class CatalogDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "catalog";

    private bool? _isSqlite;

    /// <summary>
    /// Whether this context runs on SQLite, asked of EF Core once per instance (instances are pooled and never change
    /// provider): <c>Database.IsSqlite()</c> reads the provider's assembly name by reflection on every call, and the row
    /// reads asked it twice per request.
    /// </summary>
    public bool IsSqlite => _isSqlite ??= Database.IsSqlite();

    public DbSet<DataElement> Elements => Set<DataElement>();

    public DbSet<CatalogEntry> Entries => Set<CatalogEntry>();

    public DbSet<EntryVersion> Versions => Set<EntryVersion>();

    public DbSet<InformationItem> Items => Set<InformationItem>();

    public DbSet<BaseListItem> BaseList => Set<BaseListItem>();

    public DbSet<SearchDoc> SearchDocs => Set<SearchDoc>();

    public DbSet<Resources.MountedResource> Resources => Set<Resources.MountedResource>();

    public DbSet<Resources.StoredFile> ResourceFiles => Set<Resources.StoredFile>();

    public DbSet<Resources.Import.TableImport> Imports => Set<Resources.Import.TableImport>();

    public DbSet<Resources.Import.ImportRejection> ImportRejections => Set<Resources.Import.ImportRejection>();

    public DbSet<Quality.DataObjection> Objections => Set<Quality.DataObjection>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Keys are set by the entities themselves: a new version or item reached through a navigation must be
        // inserted, not mistaken for an existing row to update (which EF assumes for generated keys that are set).
        modelBuilder.Entity<DataElement>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("elements");
            e.HasKey(x => x.Id);
            e.Property(x => x.Identifier).HasMaxLength(32);
            e.Property(x => x.NameZh).HasMaxLength(100);
            e.Property(x => x.NameEn).HasMaxLength(100);
            e.Property(x => x.Definition).HasMaxLength(1000);
            e.Property(x => x.DataType).HasMaxLength(16);
            e.Property(x => x.Format).HasMaxLength(32);
            e.Property(x => x.Pattern).HasMaxLength(500);
            e.Property(x => x.CodeListText).HasMaxLength(8000);
            e.Property(x => x.Unit).HasMaxLength(20);
            e.Property(x => x.Version).HasMaxLength(16);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.RowVersion).IsConcurrencyToken();
            e.HasIndex(x => x.Identifier).IsUnique();
            e.Ignore(x => x.CodeList);
        });
        modelBuilder.Entity<CatalogEntry>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("entries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Code).HasMaxLength(40);
            e.Property(x => x.ProviderName).HasMaxLength(100);
            e.Property(x => x.ProviderCode).HasMaxLength(18);
            e.Property(x => x.ProviderDivisionCode).HasMaxLength(12);
            e.Property(x => x.BaseItemCode).HasMaxLength(20);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Code).IsUnique();
            e.HasIndex(x => x.ProviderUnitId);
            e.HasIndex(x => x.ProviderDivisionCode);
            // One claim per unit and base item: a second claim (even a concurrent one) is refused by the index.
            e.HasIndex(x => new { x.ProviderUnitId, x.BaseItemCode }).IsUnique();
            e.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.EntryId);
            e.Ignore(x => x.Published);
            e.Ignore(x => x.Working);
        });
        modelBuilder.Entity<EntryVersion>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("entry_versions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Status).HasConversion<int>();
            e.Property(x => x.Category).HasConversion<int>();
            e.Property(x => x.ShareType).HasConversion<int>();
            e.Property(x => x.OpenType).HasConversion<int>();
            e.Property(x => x.Format).HasConversion<int>();
            e.Property(x => x.Grade).HasConversion<int>();
            e.Property(x => x.DeclaredGrade).HasConversion<int?>();
            e.Property(x => x.Code).HasMaxLength(40);
            e.Property(x => x.ProviderName).HasMaxLength(100);
            e.Property(x => x.ProviderDivisionCode).HasMaxLength(12);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Theme).HasMaxLength(40);
            e.Property(x => x.Abstract).HasMaxLength(2000);
            e.Property(x => x.ShareCondition).HasMaxLength(1000);
            e.Property(x => x.LegalBasis).HasMaxLength(1000);
            e.Property(x => x.ShareMethods).HasMaxLength(64);
            e.Property(x => x.UpdateCycle).HasMaxLength(16);
            e.Property(x => x.InformationSystem).HasMaxLength(200);
            e.Property(x => x.GradingFactorsJson).HasMaxLength(4000);
            e.Property(x => x.SearchText).HasMaxLength(8000);
            e.Property(x => x.SubmittedBy).HasMaxLength(64);
            e.Property(x => x.ReviewedBy).HasMaxLength(64);
            e.Property(x => x.ReviewComment).HasMaxLength(1000);
            e.HasIndex(x => new { x.EntryId, x.Number }).IsUnique();
            // Search reads published versions newest first; the facet columns ride along in the same index scan.
            e.HasIndex(x => new { x.Status, x.PublishedAt });
            e.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.VersionId);
            e.Ignore(x => x.Methods);
        });
        modelBuilder.Entity<InformationItem>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("entry_items");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.ElementIdentifier).HasMaxLength(32);
            e.Property(x => x.DataType).HasMaxLength(16);
            e.Property(x => x.Grade).HasConversion<int>();
            e.Property(x => x.Remark).HasMaxLength(500);
            e.HasIndex(x => x.VersionId);
        });
        modelBuilder.Entity<BaseListItem>(e =>
        {
            e.ToTable("base_list");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.DepartmentKind).HasMaxLength(40);
            e.Property(x => x.Category).HasConversion<int>();
            e.Property(x => x.ShareType).HasConversion<int>();
            e.Property(x => x.OpenType).HasConversion<int>();
            e.Property(x => x.Format).HasConversion<int>();
            e.Property(x => x.Theme).HasMaxLength(40);
            e.Property(x => x.Abstract).HasMaxLength(2000);
            e.Property(x => x.ShareCondition).HasMaxLength(1000);
            e.Property(x => x.LegalBasis).HasMaxLength(1000);
            e.Property(x => x.UpdateCycle).HasMaxLength(16);
            e.Property(x => x.ItemsText).HasMaxLength(4000);
        });
        modelBuilder.Entity<SearchDoc>(e =>
        {
            e.ToTable("search_docs");
            e.HasKey(x => x.EntryId);
            e.Property(x => x.UnitName).HasMaxLength(100);
            e.Property(x => x.Grade).HasConversion<int>();
            e.Property(x => x.ShareType).HasConversion<int>();
            e.Property(x => x.Format).HasConversion<int>();
            e.Property(x => x.Theme).HasMaxLength(40);
            e.Property(x => x.Text).HasMaxLength(8000);
            e.HasIndex(x => x.PublishedAt);
            // Covering index for the facet GROUP BY when no words are given: counted from the index alone.
            e.HasIndex(x => new { x.Grade, x.ShareType, x.Format, x.Theme, x.UnitId, x.UnitName });
            e.HasIndex(x => x.UnitId);
        });
        ResourceModel.Configure(modelBuilder, Database.IsSqlite());
        modelBuilder.AddOutbox();

        if (Database.IsSqlite())
        {
            // SQLite has no timestamp type and EF cannot ORDER BY a DateTimeOffset stored as text; the binary form
            // (UTC ticks, all values here are UTC) sorts correctly.
            foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
                         .Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
                property.SetValueConverter(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
        }
        ModuleTableLayout.Apply(modelBuilder, Module, Database.IsSqlite());
    }

    /// <summary>Bumps the concurrency token of every modified versioned row so that a concurrent edit conflicts (409).</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ConcurrencyVersions.Bump(ChangeTracker, "Version", "RowVersion");
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <inheritdoc cref="SaveChangesAsync(bool, CancellationToken)"/>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ConcurrencyVersions.Bump(ChangeTracker, "Version", "RowVersion");
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }
}

internal sealed class CatalogSqliteDbContext(DbContextOptions<CatalogSqliteDbContext> options) : CatalogDbContext(options);

internal sealed class CatalogPostgresDbContext(DbContextOptions<CatalogPostgresDbContext> options) : CatalogDbContext(options);

internal sealed class CatalogSqliteDesignFactory : IDesignTimeDbContextFactory<CatalogSqliteDbContext>
{
    public CatalogSqliteDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<CatalogSqliteDbContext>();
        ModuleDbContextRegistration.Configure(b, DesignTime.Sqlite, CatalogDbContext.Module);
        return new CatalogSqliteDbContext(b.Options);
    }
}

internal sealed class CatalogPostgresDesignFactory : IDesignTimeDbContextFactory<CatalogPostgresDbContext>
{
    public CatalogPostgresDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<CatalogPostgresDbContext>();
        ModuleDbContextRegistration.Configure(b, DesignTime.PostgreSql, CatalogDbContext.Module);
        return new CatalogPostgresDbContext(b.Options);
    }
}
