using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Persistence;
using Qilu.Trust.Codes;
using Qilu.Trust.Federation;

namespace Qilu.Trust.Data;

/// <summary>
/// The exchange part of the Trust module's data (ADR 0008 decision 7): personal codes and the requests made with them,
/// the holders' use record (用证记录) and outgoing cross-region requests. Kept in its own file; one context per module
/// (ADR 0002).
/// </summary>
internal abstract partial class TrustDbContext
{
    public DbSet<PersonalCode> PersonalCodes => Set<PersonalCode>();

    public DbSet<CodeRequest> CodeRequests => Set<CodeRequest>();

    public DbSet<CertificateUse> CertificateUses => Set<CertificateUse>();

    public DbSet<FederationRequest> FederationRequests => Set<FederationRequest>();

    private static void ConfigureExchange(ModelBuilder modelBuilder)
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

    }
}
