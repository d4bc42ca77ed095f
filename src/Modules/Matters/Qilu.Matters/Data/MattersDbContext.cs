using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Qilu.Matters.Bundles;
using Qilu.Matters.Catalog;
using Qilu.Platform.Persistence;

namespace Qilu.Matters.Data;

/// <summary>The Matters module's data: matters (standards and implementations), their versions, and bundles.</summary>
internal abstract class MattersDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "matters";

    public DbSet<Matter> Matters => Set<Matter>();

    public DbSet<MatterVersion> Versions => Set<MatterVersion>();

    public DbSet<Bundle> Bundles => Set<Bundle>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Matter>(e =>
        {
            e.ToTable("matters");
            e.HasKey(x => x.Id);
            e.Property(x => x.BasicCode).HasMaxLength(12);
            e.Property(x => x.DivisionCode).HasMaxLength(12);
            e.Property(x => x.ParentCode).HasMaxLength(12);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Keywords).HasMaxLength(500);
            e.Property(x => x.ImplementationCode).HasMaxLength(60);
            e.Property(x => x.ImplementingUnitName).HasMaxLength(100);
            e.Property(x => x.ImplementingUnitCreditCode).HasMaxLength(18);
            e.Property(x => x.ImplementingUnitKind).HasMaxLength(40);
            e.Property(x => x.Level).HasConversion<int>();
            e.Property(x => x.Type).HasConversion<int>();
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => new { x.BasicCode, x.DivisionCode, x.ImplementingUnitId }).IsUnique();
            e.HasIndex(x => x.ImplementationCode).IsUnique();
            e.HasIndex(x => x.DivisionCode);
            e.HasIndex(x => x.StandardId);
            e.HasIndex(x => x.Name);
            e.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.MatterId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<MatterVersion>(e =>
        {
            e.ToTable("matter_versions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Status).HasConversion<int>();
            e.Property(x => x.CreatedBy).HasMaxLength(64);
            e.Property(x => x.PublishedBy).HasMaxLength(64);
            e.HasIndex(x => new { x.MatterId, x.Number }).IsUnique();
        });
        modelBuilder.Entity<Bundle>(e =>
        {
            e.ToTable("bundles");
            e.HasKey(x => x.Id);
            e.Property(x => x.Code).HasMaxLength(40);
            e.Property(x => x.DivisionCode).HasMaxLength(12);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => new { x.Code, x.DivisionCode }).IsUnique();
        });
        ModuleTableLayout.Apply(modelBuilder, Module, Database.IsSqlite());
    }
}

internal sealed class MattersSqliteDbContext(DbContextOptions<MattersSqliteDbContext> options) : MattersDbContext(options);

internal sealed class MattersPostgresDbContext(DbContextOptions<MattersPostgresDbContext> options) : MattersDbContext(options);

internal sealed class MattersSqliteDesignFactory : IDesignTimeDbContextFactory<MattersSqliteDbContext>
{
    public MattersSqliteDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<MattersSqliteDbContext>();
        ModuleDbContextRegistration.Configure(b, DesignTime.Sqlite, MattersDbContext.Module);
        return new MattersSqliteDbContext(b.Options);
    }
}

internal sealed class MattersPostgresDesignFactory : IDesignTimeDbContextFactory<MattersPostgresDbContext>
{
    public MattersPostgresDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<MattersPostgresDbContext>();
        ModuleDbContextRegistration.Configure(b, DesignTime.PostgreSql, MattersDbContext.Module);
        return new MattersPostgresDbContext(b.Options);
    }
}
