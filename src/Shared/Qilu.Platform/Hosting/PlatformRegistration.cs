using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Auth;
using Qilu.Platform.Cryptography.Keys;
using Qilu.Platform.Persistence;

namespace Qilu.Platform.Hosting;

/// <summary>Registers the platform plumbing every module relies on.</summary>
public static class PlatformRegistration
{
    /// <summary>
    /// Resolves the data directory and the database connection from configuration, creating the directory. Called
    /// once by the host before modules register, because modules need the connection at registration time.
    /// </summary>
    public static DatabaseConnection ResolveDatabase(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var dataDir = DataDirectory(configuration, contentRoot);
        var options = configuration.GetSection("Qilu:Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider == DatabaseProvider.PostgreSql)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
                throw new InvalidOperationException("Qilu:Database:ConnectionString is required when Qilu:Database:Provider is PostgreSql.");
            return new DatabaseConnection(DatabaseProvider.PostgreSql, options.ConnectionString);
        }
        var cs = string.IsNullOrWhiteSpace(options.ConnectionString)
            // Private cache (SQLite's default; shared cache is discouraged by SQLite and turns lock collisions into
            // SQLITE_LOCKED, retried by Microsoft.Data.Sqlite with a fixed sleep); module contexts add a busy_timeout.
            ? $"Data Source={Path.Combine(dataDir, "qilu.db")};Pooling=True"
            : options.ConnectionString;
        return new DatabaseConnection(DatabaseProvider.Sqlite, cs);
    }

    /// <summary>The absolute data directory, created if missing.</summary>
    public static string DataDirectory(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var dir = configuration["Qilu:DataDirectory"];
        if (string.IsNullOrWhiteSpace(dir)) dir = "data";
        var full = Path.GetFullPath(dir, contentRoot);
        Directory.CreateDirectory(full);
        return full;
    }

    public static IServiceCollection AddQiluPlatform(this IServiceCollection services, IConfiguration configuration, DatabaseConnection db, string dataDirectory)
    {
        SqliteMemoryMap.Use(configuration.GetValue<long>(SqliteMemoryMap.ConfigurationKey));
        services.AddQiluKeyStore(db, o =>
        {
            o.MasterKey = configuration[KeyStoreOptions.MasterKeyConfigurationKey];
            o.DataDirectory = dataDirectory;
        });
        services.AddSingleton<IModuleInitializer, KeyStoreInitializer>();
        DataProtectionSetup.Add(services, dataDirectory, configuration["Qilu:DataProtection:KeysPath"]);
        services.PostConfigure<QiluOptions>(o => o.DataDirectory = dataDirectory);
        services.AddSingleton(db);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<ActorAccessor>();
        services.AddQiluAuthorization();
        services.Configure<QiluOptions>(configuration.GetSection("Qilu"));
        services.Configure<DemoOptions>(configuration.GetSection("Qilu:Demo"));
        return services;
    }
}
