using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Persistence;

namespace Qilu.Platform.Cryptography.Keys.Data;

/// <summary>
/// The key table (module <c>keystore</c>). A unique partial index on (purpose, algorithm) over active rows makes
/// "exactly one active key" a database invariant, so two nodes cannot both activate a key.
/// </summary>
internal abstract class KeyStoreDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "keystore";

    public DbSet<KeyRecord> Keys => Set<KeyRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var key = modelBuilder.Entity<KeyRecord>();
        key.ToTable("keys");
        key.HasKey(k => k.Id);
        key.Property(k => k.Id).HasMaxLength(64);
        key.Property(k => k.Purpose).HasMaxLength(100);
        key.Property(k => k.Algorithm).HasConversion<string>().HasMaxLength(16);
        key.Property(k => k.Status).HasConversion<string>().HasMaxLength(16);
        key.Property(k => k.ConcurrencyStamp).HasMaxLength(36).IsConcurrencyToken();
        key.HasIndex(k => new { k.Purpose, k.Algorithm })
            .IsUnique()
            .HasFilter("\"Status\" = 'Active'")
            .HasDatabaseName("ux_keystore_keys_one_active");
        key.HasIndex(k => k.Purpose);
        ModuleTableLayout.Apply(modelBuilder, Module, Database.IsSqlite());
    }
}
