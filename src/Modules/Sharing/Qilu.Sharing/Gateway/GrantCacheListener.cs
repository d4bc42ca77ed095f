using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Qilu.Sharing.Gateway;

/// <summary>
/// Keeps this node's <see cref="GrantCache"/> exact when several nodes share one PostgreSQL database (ADR 0018,
/// addendum 5). Every grant change sends <c>pg_notify('qilu_sharing_grants', ids)</c> inside its own transaction, so
/// PostgreSQL delivers it when — and only if — the change commits; this service holds one connection that LISTENs on
/// the channel and invalidates the named grants. The cache serves only while that connection is up: it starts
/// suspended, resumes (empty) once LISTEN is in place, and is suspended again — every call reads its grant from the
/// database — as soon as the connection fails, until a new one listens. A node therefore never serves a grant from
/// memory while it could have missed a change; what it costs is a read per call during an outage of its listener.
/// </summary>
internal sealed partial class GrantCacheListener(GrantCache cache, string connectionString, ILogger<GrantCacheListener> logger) : BackgroundService
{
    /// <summary>The notification channel.</summary>
    public const string Channel = "qilu_sharing_grants";

    /// <summary>More ids than this in one change are sent as <see cref="All"/> (a payload must stay under 8,000 bytes).</summary>
    public const int MaxIds = 200;

    /// <summary>The payload that invalidates every grant.</summary>
    public const string All = "*";

    /// <summary>The connection's <c>application_name</c> (to find it in <c>pg_stat_activity</c>).</summary>
    public const string ApplicationName = "qilu-grant-cache";

    // How often an idle connection is checked, so that a connection that died without a word is noticed.
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    /// <summary>Connections made so far (for tests and logs).</summary>
    public int Connections { get; private set; }

    /// <summary>The server process of the current connection (0 while none), for tests.</summary>
    public int ProcessId { get; private set; }

    /// <summary>
    /// The payload of a change made on <paramref name="node"/>: the node, a semicolon, then the grants (ids without
    /// dashes, comma-separated) or <see cref="All"/>.
    /// </summary>
    public static string Payload(Guid node, IReadOnlyCollection<Guid> grants)
    {
        ArgumentNullException.ThrowIfNull(grants);
        var ids = grants.Count > MaxIds ? All : string.Join(',', grants.Select(g => g.ToString("N", CultureInfo.InvariantCulture)));
        return node.ToString("N", CultureInfo.InvariantCulture) + ";" + ids;
    }

    /// <summary>
    /// Applies one notification to <paramref name="cache"/>: the grants it names are forgotten, or all of them when it
    /// says <see cref="All"/> or cannot be read; a change of this very node (already invalidated) is skipped.
    /// </summary>
    public static void Apply(GrantCache cache, string payload)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(payload);
        var split = payload.IndexOf(';', StringComparison.Ordinal);
        if (split < 0 || !Guid.TryParseExact(payload[..split], "N", out var node))
        {
            cache.InvalidateAll();
            return;
        }
        if (node == cache.Node) return;
        var ids = new List<Guid>();
        foreach (var part in payload[(split + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Guid.TryParseExact(part, "N", out var id))
            {
                cache.InvalidateAll();
                return;
            }
            ids.Add(id);
        }
        if (ids.Count == 0) cache.InvalidateAll();
        else cache.Invalidate(ids);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = ApplicationName,
            // Its own physical connection, never handed back to the pool with LISTEN still on it (and never multiplexed:
            // notifications arrive on the connection that listens).
            Pooling = false,
            Multiplexing = false,
            KeepAlive = (int)Heartbeat.TotalSeconds,
        };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Apply(cache, e.Payload);
                await using (var listen = connection.CreateCommand())
                {
                    listen.CommandText = $"LISTEN {Channel}";
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                // From here on every committed change reaches this connection: serve again, from empty.
                ProcessId = connection.ProcessID;
                Connections++;
                cache.Resume();
                delay = TimeSpan.FromSeconds(1);
                LogListening(logger, Connections);
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(Heartbeat, stoppingToken))
                    {
                        await using var ping = connection.CreateCommand();
                        ping.CommandText = "SELECT 1";
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Whatever failed, a notification may now be missed: stop serving from memory first.
                cache.Suspend();
                ProcessId = 0;
                LogLost(logger, e, delay.TotalSeconds);
            }
            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
        }
        cache.Suspend();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Grant cache listening for changes made by other nodes (connection {Count})")]
    private static partial void LogListening(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grant cache listener lost its connection; grants are read from the database per call until it reconnects (retry in {Seconds} s)")]
    private static partial void LogLost(ILogger logger, Exception exception, double seconds);
}
