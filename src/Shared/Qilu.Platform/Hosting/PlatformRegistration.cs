using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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

    /// <summary>Setting: the audit log's own SQLite database (a connection string), when not the default file.</summary>
    public const string AuditConnectionStringKey = "Qilu:Audit:ConnectionString";

    /// <summary>
    /// The database of the audit log (ADR 0004 addendum 1). On PostgreSQL the modules' database (schema <c>audit</c>).
    /// On SQLite a file of its own beside the modules' file (<c>qilu.db</c> → <c>qilu-audit.db</c>), or
    /// <see cref="AuditConnectionStringKey"/>: SQLite's page cache is per connection and emptied whenever another
    /// connection commits to the same file, and the audit log commits hundreds of times a second under gateway load, so
    /// in one file every module's read began cold. Two exceptions keep the single file: an in-memory database, and a
    /// file that already holds the audit log (a data directory created before the split) — that log is never moved or
    /// left behind.
    /// </summary>
    public static DatabaseConnection ResolveAuditDatabase(IConfiguration configuration, DatabaseConnection db)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(db);
        if (!db.IsSqlite) return db;
        if (configuration[AuditConnectionStringKey] is { Length: > 0 } configured) return new DatabaseConnection(DatabaseProvider.Sqlite, configured);
        var builder = new SqliteConnectionStringBuilder(db.ConnectionString);
        var path = builder.DataSource;
        if (string.IsNullOrEmpty(path) || path == ":memory:" || builder.Mode == SqliteOpenMode.Memory
            || path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return db;
        if (HoldsAuditLog(path)) return db;
        builder.DataSource = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".",
            Path.GetFileNameWithoutExtension(path) + "-audit" + Path.GetExtension(path));
        return new DatabaseConnection(DatabaseProvider.Sqlite, builder.ConnectionString);
    }

    /// <summary>Whether the SQLite file at <paramref name="path"/> exists and has the audit log's entries table.</summary>
    private static bool HoldsAuditLog(string path)
    {
        if (!File.Exists(path)) return false;
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_entries'";
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
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
        // The Workflow engine, when present, replaces this with the administrators' calendar (last registration wins).
        services.TryAddSingleton<Qilu.SharedKernel.Time.IWorkingCalendarSource, Qilu.SharedKernel.Time.StatutoryCalendarSource>();
        services.AddHttpContextAccessor();
        services.AddScoped<ActorAccessor>();
        services.AddQiluAuthorization();
        services.Configure<QiluOptions>(configuration.GetSection("Qilu"));
        services.Configure<DemoOptions>(configuration.GetSection("Qilu:Demo"));
        return services;
    }
}
