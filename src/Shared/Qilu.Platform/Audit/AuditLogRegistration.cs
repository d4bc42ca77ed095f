using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Qilu.Platform.Audit.Checkpoints;
using Qilu.Platform.Audit.Data;
using Qilu.Platform.Audit.Verification;
using Qilu.Platform.Persistence;

namespace Qilu.Platform.Audit;

/// <summary>Service registration of the audit log.</summary>
public static class AuditLogRegistration
{
    /// <summary>
    /// Registers <see cref="IAuditLog"/>, the group-commit writer and checkpoint timer (hosted service),
    /// <see cref="AuditDbContext"/> and <see cref="AuditVerifier"/>. An <see cref="ICheckpointSigner"/> must be registered
    /// (the key store; <see cref="EphemeralSm2CheckpointSigner"/> in tests). <see cref="ICheckpointVerifierKeys"/>
    /// defaults to the signer's own key.
    /// </summary>
    public static IServiceCollection AddQiluAuditLog(this IServiceCollection services, DatabaseConnection db,
        Action<AuditLogOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var options = new AuditLogOptions();
        configure?.Invoke(options);
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton(new AuditLogDatabase(db));
        services.AddModuleDbContext<AuditDbContext, AuditSqliteDbContext, AuditPostgresDbContext>(db, AuditDbContext.Module);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new AuditStore(db));
        services.AddSingleton(new AuditContextFactory(db));
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<AuditLog>());
        services.TryAddSingleton<ICheckpointVerifierKeys>(sp =>
            StaticCheckpointVerifierKeys.Of(sp.GetService<ICheckpointSigner>()
                ?? throw new InvalidOperationException("Register an ICheckpointSigner (the key store) before using the audit log.")));
        services.AddSingleton(sp => new AuditVerifier(sp.GetRequiredService<ICheckpointVerifierKeys>(), options.Origin));
        services.AddHostedService<AuditLogHostedService>();
        return services;
    }

    /// <summary>Applies the audit migrations (and WAL mode on SQLite). Safe to call repeatedly.</summary>
    public static async Task MigrateAuditLogAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var factory = services.GetRequiredService<AuditContextFactory>();
        await using var db = factory.Create();
        await db.Database.MigrateAsync(ct);
        if (factory.Connection.IsSqlite)
        {
            // WAL lets readers (queries, proofs, the verifier) run while the writer commits; it is persistent.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        services.GetService<ILoggerFactory>()?.CreateLogger(typeof(AuditLogRegistration)).LogInformation("Audit log migrated");
    }
}
