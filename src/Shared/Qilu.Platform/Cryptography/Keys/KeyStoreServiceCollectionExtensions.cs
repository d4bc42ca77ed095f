using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Qilu.Platform.Cryptography.Fields;
using Qilu.Platform.Cryptography.Keys.Data;
using Qilu.Platform.Persistence;

namespace Qilu.Platform.Cryptography.Keys;

/// <summary>Registration of the key store and field protection.</summary>
public static class KeyStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IKeyStore"/> and <see cref="IFieldProtector"/> (singletons) over the <c>keystore</c>
    /// tables of <paramref name="db"/>. Apply migrations at start with <see cref="KeyStoreMigrator.MigrateAsync"/>.
    /// </summary>
    public static IServiceCollection AddQiluKeyStore(this IServiceCollection services, DatabaseConnection db, Action<KeyStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddLogging();
        services.AddOptions<KeyStoreOptions>().Configure(configure);
        services.AddModuleDbContext<KeyStoreDbContext, KeyStoreSqliteDbContext, KeyStorePostgresDbContext>(db, KeyStoreDbContext.Module);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MasterKey>();
        services.TryAddSingleton<IKeyStore, DatabaseKeyStore>();
        services.TryAddSingleton<IFieldProtector, FieldProtector>();
        return services;
    }
}
