using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Qilu.Sharing.Gateway;

/// <summary>
/// Readiness entry <c>sharing-grant-cache</c> (PostgreSQL, cache on): Degraded while the node's
/// <see cref="GrantCacheListener"/> is not listening — the node still serves correctly, reading every grant from the
/// database, but an operator should know that its change notifications do not arrive (a pooler that drops LISTEN, a
/// network fault). Degraded keeps <c>/readyz</c> at 200: the node is fit to serve.
/// </summary>
internal sealed class GrantCacheHealth(GrantCache cache, GrantCacheListener listener) : IHealthCheck
{
    public const string Name = "sharing-grant-cache";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["connections"] = listener.Connections };
        return Task.FromResult(cache.Serving
            ? HealthCheckResult.Healthy("共享授权缓存正在接收变更通知 / grant cache listening for changes", data)
            : HealthCheckResult.Degraded("共享授权缓存未连接变更通知，授权按次从数据库读取 / grant cache not listening; grants are read per call", data: data));
    }
}
