using Microsoft.EntityFrameworkCore;

namespace Qilu.Platform.Persistence;

/// <summary>
/// How module tables are kept apart (ADR 0002): on PostgreSQL each module owns a schema named after it; on SQLite,
/// which has no schemas, all modules share one file and each table is prefixed with the module name
/// (<c>identity_accounts</c>). Each context also keeps its own migrations-history table so that modules migrate
/// independently.
/// </summary>
public static class ModuleTableLayout
{
    /// <summary>Applies the layout to every entity of the model; call last in <c>OnModelCreating</c>.</summary>
    public static void Apply(ModelBuilder modelBuilder, string module, bool isSqlite)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        if (!isSqlite)
        {
            modelBuilder.HasDefaultSchema(module);
            return;
        }
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (entity.IsOwned() && entity.GetTableName() == entity.FindOwnership()?.PrincipalEntityType.GetTableName()) continue;
            var table = entity.GetTableName();
            if (table is null || table.StartsWith(module + "_", StringComparison.Ordinal)) continue;
            entity.SetTableName($"{module}_{table}");
            entity.SetSchema(null);
        }
    }

    /// <summary>The migrations-history table name for a module on the given provider.</summary>
    public static string HistoryTable(string module, bool isSqlite) =>
        isSqlite ? $"{module}___ef_migrations" : "__EFMigrationsHistory";
}
