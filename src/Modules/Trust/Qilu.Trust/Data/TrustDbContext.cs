using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Qilu.Platform.Events;
using Qilu.Platform.Persistence;
using Qilu.Trust.Authority;
using Qilu.Trust.Certificates;
using Qilu.Trust.Seals;

namespace Qilu.Trust.Data;

/// <summary>The Trust module's data: CA certificates, seals, certificate types, issued certificates, status lists, shares,
/// personal-code exchanges and federation requests, outbox and inbox.</summary>
internal abstract partial class TrustDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "trust";

    public DbSet<CaCertificate> CaCertificates => Set<CaCertificate>();

    public DbSet<Seal> Seals => Set<Seal>();

    public DbSet<CertificateType> CertificateTypes => Set<CertificateType>();

    public DbSet<IssuedCertificate> Certificates => Set<IssuedCertificate>();

    public DbSet<StatusList> StatusLists => Set<StatusList>();

    public DbSet<Share> Shares => Set<Share>();

    public DbSet<ShareUse> ShareUses => Set<ShareUse>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CaCertificate>(e =>
        {
            e.ToTable("ca_certificates");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.KeyId).HasMaxLength(64);
            e.Property(x => x.Subject).HasMaxLength(300);
            e.Property(x => x.Serial).HasMaxLength(64);
            e.HasIndex(x => x.Serial).IsUnique();
            e.HasIndex(x => new { x.Kind, x.KeyId }).IsUnique();
        });
        modelBuilder.Entity<Seal>(e =>
        {
            e.ToTable("seals");
            e.HasKey(x => x.Id);
            e.Property(x => x.UnitName).HasMaxLength(100);
            e.Property(x => x.UnitCreditCode).HasMaxLength(18);
            e.Property(x => x.DivisionCode).HasMaxLength(12);
            e.Property(x => x.Name).HasMaxLength(120);
            e.Property(x => x.StatusReason).HasMaxLength(200);
            e.Property(x => x.AppliedBy).HasMaxLength(64);
            e.Property(x => x.ApprovedBy).HasMaxLength(64);
            e.Property(x => x.KeyId).HasMaxLength(64);
            e.Property(x => x.CertificateSerial).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.KeyPurpose);
            e.HasIndex(x => x.UnitId);
            e.HasIndex(x => x.DivisionCode);
            e.HasIndex(x => x.CertificateSerial).IsUnique();
        });
        modelBuilder.Entity<CertificateType>(e =>
        {
            e.ToTable("certificate_types");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(21);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.NameEn).HasMaxLength(100);
            e.Property(x => x.DefiningAuthority).HasMaxLength(100);
            e.Property(x => x.HolderKind).HasMaxLength(20);
            e.Property(x => x.IssuerKind).HasMaxLength(40);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<IssuedCertificate>(e =>
        {
            e.ToTable("certificates");
            e.HasKey(x => x.Id);
            e.Property(x => x.LicenceId).HasMaxLength(120);
            e.Property(x => x.Serial).HasMaxLength(32);
            e.Property(x => x.TypeCode).HasMaxLength(21);
            e.Property(x => x.HolderName).HasMaxLength(100);
            e.Property(x => x.HolderIdType).HasMaxLength(3);
            e.Property(x => x.HolderIdProtected).HasMaxLength(200);
            e.Property(x => x.HolderIdIndex).HasMaxLength(64);
            e.Property(x => x.HolderIdMasked).HasMaxLength(18);
            e.Property(x => x.IssuerName).HasMaxLength(100);
            e.Property(x => x.IssuerCode).HasMaxLength(18);
            e.Property(x => x.DivisionCode).HasMaxLength(12);
            e.Property(x => x.SealCertificateSerial).HasMaxLength(64);
            e.Property(x => x.StatusReason).HasMaxLength(200);
            e.Property(x => x.CreatedBy).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.LicenceId).IsUnique();
            e.HasIndex(x => new { x.Serial, x.VersionNumber }).IsUnique();
            e.HasIndex(x => x.HolderIdIndex);
            e.HasIndex(x => x.IssuerUnitId);
            e.HasIndex(x => new { x.StatusListId, x.StatusIndex }).IsUnique();
            e.HasIndex(x => x.RequestId).IsUnique();
        });
        modelBuilder.Entity<StatusList>(e =>
        {
            e.ToTable("status_lists");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<Share>(e =>
        {
            e.ToTable("shares");
            e.HasKey(x => x.Id);
            e.Property(x => x.Purpose).HasMaxLength(200);
            e.Property(x => x.Recipient).HasMaxLength(100);
            e.Property(x => x.CreatedBy).HasMaxLength(64);
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => x.CertificateId);
        });
        modelBuilder.Entity<ShareUse>(e =>
        {
            e.ToTable("share_uses");
            e.HasKey(x => x.Id);
            e.Property(x => x.SourceIp).HasMaxLength(64);
            e.Property(x => x.Outcome).HasMaxLength(40);
            e.HasIndex(x => x.ShareId);
        });
        modelBuilder.AddOutbox();
        modelBuilder.AddInbox();
        ConfigureExchange(modelBuilder);

        ModuleTableLayout.Apply(modelBuilder, Module, Database.IsSqlite());
    }

    /// <summary>Bumps the version of every modified versioned entity so concurrent edits conflict (409) instead of overwriting.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ConcurrencyVersions.Bump(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

internal sealed class TrustSqliteDbContext(DbContextOptions<TrustSqliteDbContext> options) : TrustDbContext(options);

internal sealed class TrustPostgresDbContext(DbContextOptions<TrustPostgresDbContext> options) : TrustDbContext(options);

internal sealed class TrustSqliteDesignFactory : IDesignTimeDbContextFactory<TrustSqliteDbContext>
{
    public TrustSqliteDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<TrustSqliteDbContext>();
        ModuleDbContextRegistration.Configure(b, DesignTime.Sqlite, TrustDbContext.Module);
        return new TrustSqliteDbContext(b.Options);
    }
}

internal sealed class TrustPostgresDesignFactory : IDesignTimeDbContextFactory<TrustPostgresDbContext>
{
    public TrustPostgresDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<TrustPostgresDbContext>();
        ModuleDbContextRegistration.Configure(b, DesignTime.PostgreSql, TrustDbContext.Module);
        return new TrustPostgresDbContext(b.Options);
    }
}
