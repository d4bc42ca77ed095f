using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Qilu.Platform.Persistence;
using Qilu.Trust.Codes;
using Qilu.Trust.Federation;

namespace Qilu.Trust.Data;

/// <summary>
/// The Trust module's exchange data (ADR 0008): personal codes and the requests made with them, the holders' use record
/// (用证记录) and outgoing cross-region requests. A second context of the same module (same schema, table prefix and
/// history table as <see cref="TrustDbContext"/>) so that the exchange tables migrate independently of the certificate
/// store; EF applies each context's own migrations and ignores the other's rows in the shared history table.
/// </summary>
internal abstract class TrustExchangeDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<PersonalCode> PersonalCodes => Set<PersonalCode>();

    public DbSet<CodeRequest> CodeRequests => Set<CodeRequest>();

    public DbSet<CertificateUse> CertificateUses => Set<CertificateUse>();

    public DbSet<FederationRequest> FederationRequests => Set<FederationRequest>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PersonalCode>(e =>
        {
            e.ToTable("personal_codes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Nonce).HasMaxLength(32);
            e.Property(x => x.HolderIndex).HasMaxLength(64);
            e.Property(x => x.HolderSubject).HasMaxLength(64);
            e.Property(x => x.HolderName).HasMaxLength(100);
            e.Property(x => x.ScannedBy).HasMaxLength(64);
            e.Property(x => x.IssuedAt).AsSortableTime();
            e.Property(x => x.ExpiresAt).AsSortableTime();
            e.Property(x => x.ScannedAt).AsSortableTime();
            e.HasIndex(x => x.Nonce).IsUnique();
            e.HasIndex(x => x.ExpiresAt);
        });
        modelBuilder.Entity<CodeRequest>(e =>
        {
            e.ToTable("code_requests");
            e.HasKey(x => x.Id);
            e.Property(x => x.HolderIndex).HasMaxLength(64);
            e.Property(x => x.HolderSubject).HasMaxLength(64);
            e.Property(x => x.OfficialSubject).HasMaxLength(64);
            e.Property(x => x.OfficialName).HasMaxLength(100);
            e.Property(x => x.UnitName).HasMaxLength(100);
            e.Property(x => x.DivisionCode).HasMaxLength(12);
            e.Property(x => x.Service).HasMaxLength(200);
            e.Property(x => x.Purpose).HasMaxLength(200);
            e.Property(x => x.TypeCodes).HasMaxLength(300);
            e.Property(x => x.ReleasedIds).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Types);
            e.Ignore(x => x.Released);
            e.Property(x => x.CreatedAt).AsSortableTime();
            e.Property(x => x.DecideBy).AsSortableTime();
            e.Property(x => x.DecidedAt).AsSortableTime();
            e.HasIndex(x => x.HolderSubject);
            e.HasIndex(x => x.CodeId).IsUnique();
        });
        modelBuilder.Entity<CertificateUse>(e =>
        {
            e.ToTable("certificate_uses");
            e.HasKey(x => x.Id);
            e.Property(x => x.LicenceId).HasMaxLength(120);
            e.Property(x => x.HolderIndex).HasMaxLength(64);
            e.Property(x => x.Channel).HasMaxLength(20);
            e.Property(x => x.Party).HasMaxLength(200);
            e.Property(x => x.Purpose).HasMaxLength(200);
            e.Property(x => x.Outcome).HasMaxLength(40);
            e.Property(x => x.At).AsSortableTime();
            e.HasIndex(x => x.HolderIndex);
            e.HasIndex(x => x.CertificateId);
        });
        modelBuilder.Entity<FederationRequest>(e =>
        {
            e.ToTable("federation_requests");
            e.HasKey(x => x.Id);
            e.Property(x => x.Peer).HasMaxLength(100);
            e.Property(x => x.OfficialSubject).HasMaxLength(64);
            e.Property(x => x.OfficialName).HasMaxLength(100);
            e.Property(x => x.UnitName).HasMaxLength(100);
            e.Property(x => x.DivisionCode).HasMaxLength(12);
            e.Property(x => x.HolderMasked).HasMaxLength(18);
            e.Property(x => x.TypeCode).HasMaxLength(21);
            e.Property(x => x.Purpose).HasMaxLength(200);
            e.Property(x => x.Outcome).HasMaxLength(40);
            e.Property(x => x.Detail).HasMaxLength(300);
            e.Property(x => x.LicenceId).HasMaxLength(120);
            e.Property(x => x.At).AsSortableTime();
            e.HasIndex(x => x.UnitId);
            e.HasIndex(x => x.At);
        });

        ModuleTableLayout.Apply(modelBuilder, TrustDbContext.Module, Database.IsSqlite());
    }

    /// <summary>Bumps the version of every modified versioned entity so concurrent decisions conflict (409).</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ConcurrencyVersions.Bump(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

internal sealed class TrustExchangeSqliteDbContext(DbContextOptions<TrustExchangeSqliteDbContext> options) : TrustExchangeDbContext(options);

internal sealed class TrustExchangePostgresDbContext(DbContextOptions<TrustExchangePostgresDbContext> options) : TrustExchangeDbContext(options);

internal sealed class TrustExchangeSqliteDesignFactory : IDesignTimeDbContextFactory<TrustExchangeSqliteDbContext>
{
    public TrustExchangeSqliteDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<TrustExchangeSqliteDbContext>();
        ModuleDbContextRegistration.Configure(b, DesignTime.Sqlite, TrustDbContext.Module);
        return new TrustExchangeSqliteDbContext(b.Options);
    }
}

internal sealed class TrustExchangePostgresDesignFactory : IDesignTimeDbContextFactory<TrustExchangePostgresDbContext>
{
    public TrustExchangePostgresDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<TrustExchangePostgresDbContext>();
        ModuleDbContextRegistration.Configure(b, DesignTime.PostgreSql, TrustDbContext.Module);
        return new TrustExchangePostgresDbContext(b.Options);
    }
}
