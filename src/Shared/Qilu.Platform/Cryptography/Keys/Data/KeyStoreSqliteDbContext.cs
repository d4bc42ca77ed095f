using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Qilu.Platform.Persistence;

namespace Qilu.Platform.Cryptography.Keys.Data;

/// <summary>SQLite flavour of <see cref="KeyStoreDbContext"/> (owns the SQLite migrations).</summary>
internal sealed class KeyStoreSqliteDbContext(DbContextOptions<KeyStoreSqliteDbContext> options) : KeyStoreDbContext(options);

/// <summary>Design-time factory for <c>dotnet ef migrations add --context KeyStoreSqliteDbContext</c>.</summary>
internal sealed class KeyStoreSqliteDbContextFactory : IDesignTimeDbContextFactory<KeyStoreSqliteDbContext>
{
    public KeyStoreSqliteDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<KeyStoreSqliteDbContext>();
        ModuleDbContextRegistration.Configure(builder, DesignTime.Sqlite, KeyStoreDbContext.Module);
        return new KeyStoreSqliteDbContext(builder.Options);
    }
}
