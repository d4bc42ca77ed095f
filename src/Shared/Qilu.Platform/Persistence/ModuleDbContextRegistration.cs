using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Qilu.Platform.Persistence;

/// <summary>
/// Registers a module's DbContext on the configured provider. Each module context has two concrete subclasses, one
/// per provider, each owning its own migrations (EF migrations are provider-specific; ADR 0002). Callers resolve the
/// base type.
/// </summary>
public static class ModuleDbContextRegistration
{
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgres>(
        this IServiceCollection services, DatabaseConnection db, string module, bool pooled = false)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        ArgumentNullException.ThrowIfNull(db);
        // Options built once (singleton), not per request scope: they depend only on the connection and the module, and
        // building them ran UseSqlite/UseNpgsql and the interceptor set on every scope that resolved a context.
        // Pooled: a request leases a context whose EF Core services are already built, and EF Core resets it when the
        // request's scope ends. Only for a context that keeps no state of its own beyond EF Core's (no fields set per
        // request, no scoped services injected).
        if (pooled && db.IsSqlite) services.AddDbContextPool<TContext, TSqlite>(o => Configure(o, db, module));
        else if (pooled) services.AddDbContextPool<TContext, TPostgres>(o => Configure(o, db, module));
        else if (db.IsSqlite) services.AddDbContext<TContext, TSqlite>(o => Configure(o, db, module), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        else services.AddDbContext<TContext, TPostgres>(o => Configure(o, db, module), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        return services;
    }

    /// <summary>Configures options for a module context; used at run time and by design-time factories.</summary>
    public static void Configure(DbContextOptionsBuilder o, DatabaseConnection db, string module)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(db);
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            o.UseSqlite(SqliteConnections.For(db).ConnectionString, x => x.MigrationsHistoryTable(ModuleTableLayout.HistoryTable(module, true)));
            o.AddInterceptors(SqliteConnections.Instance);
        }
        else
            o.UseNpgsql(db.ConnectionString, x => x.MigrationsHistoryTable(ModuleTableLayout.HistoryTable(module, false), module));
    }
}

/// <summary>The resolved database connection (provider + connection string), a singleton.</summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString)
{
    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;
}
