using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Qilu.Platform.Audit;
using Qilu.Platform.Persistence;

namespace Qilu.Host.Operations;

/// <summary>
/// Readiness: the database answers <c>select 1</c>, and so does the audit log's when it is a database of its own. It opens its own connection rather than going through a module's
/// DbContext, so it works before any module registers one and says nothing about migrations.
/// </summary>
internal sealed class DatabaseHealthCheck(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment)
    : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        DatabaseConnection database;
        try
        {
            database = services.GetService<DatabaseConnection>() ?? FromConfiguration(configuration, environment);
        }
        catch (InvalidOperationException e)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "数据库未配置 / database not configured", e);
        }

        var data = new Dictionary<string, object> { ["provider"] = database.Provider.ToString() };
        // On SQLite the audit log has a file of its own (ADR 0004 addendum 1); every audited action needs it too.
        var audit = services.GetService<AuditLogDatabase>()?.Connection;
        var separateAudit = audit is not null && audit != database;
        data["auditLog"] = separateAudit ? "own database" : "same database";
        try
        {
            await SelectOneAsync(database, cancellationToken);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus,
                $"{database.Provider} 无应答 / {database.Provider} did not answer", e, data);
        }
        try
        {
            if (separateAudit) await SelectOneAsync(audit!, cancellationToken);
            return HealthCheckResult.Healthy($"{database.Provider} 应答正常 / {database.Provider} answered", data);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus,
                "审计日志数据库无应答 / the audit log's database did not answer", e, data);
        }
    }

    private static async Task SelectOneAsync(DatabaseConnection database, CancellationToken ct)
    {
        await using var connection = Open(database);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "select 1";
        await command.ExecuteScalarAsync(ct);
    }

    private static DbConnection Open(DatabaseConnection database) => database.IsSqlite
        ? new SqliteConnection(database.ConnectionString)
        : new NpgsqlConnection(database.ConnectionString);

    /// <summary>
    /// Used only while nothing registers <see cref="DatabaseConnection"/>: the same contract as the host's database
    /// registration (<c>Qilu:Database:Provider</c>, <c>Qilu:Database:ConnectionString</c>, else SQLite at
    /// <c>&lt;Qilu:DataDirectory&gt;/qilu.db</c>).
    /// </summary>
    internal static DatabaseConnection FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection("Qilu:Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
            return new DatabaseConnection(options.Provider, options.ConnectionString);
        if (options.Provider != DatabaseProvider.Sqlite)
            throw new InvalidOperationException("Qilu:Database:ConnectionString is required for PostgreSQL.");
        var directory = configuration["Qilu:DataDirectory"] is { Length: > 0 } dir
            ? dir
            : Path.Combine(environment.ContentRootPath, "data");
        var builder = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "qilu.db") };
        return new DatabaseConnection(DatabaseProvider.Sqlite, builder.ConnectionString);
    }
}
