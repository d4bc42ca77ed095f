using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Qilu.Platform.Persistence;

namespace Qilu.Platform.Cryptography.Keys.Data;

/// <summary>PostgreSQL flavour of <see cref="KeyStoreDbContext"/> (owns the PostgreSQL migrations).</summary>
internal sealed class KeyStorePostgresDbContext(DbContextOptions<KeyStorePostgresDbContext> options) : KeyStoreDbContext(options);

/// <summary>Design-time factory for <c>dotnet ef migrations add --context KeyStorePostgresDbContext</c>.</summary>
internal sealed class KeyStorePostgresDbContextFactory : IDesignTimeDbContextFactory<KeyStorePostgresDbContext>
{
    public KeyStorePostgresDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<KeyStorePostgresDbContext>();
        ModuleDbContextRegistration.Configure(builder, DesignTime.PostgreSql, KeyStoreDbContext.Module);
        return new KeyStorePostgresDbContext(builder.Options);
    }
}
