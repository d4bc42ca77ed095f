using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Qilu.Sharing.Grants;

namespace Qilu.Sharing.Gateway;

/// <summary>
/// Per-grant token buckets (rate = the grant's calls per second, burst twice that). In memory per node: the rate limit
/// protects the provider from bursts, while the quota — which must be exact across nodes — lives in the database.
/// </summary>
internal sealed class GatewayRateLimiter : IDisposable
{
    private readonly ConcurrentDictionary<(Guid, int), TokenBucketRateLimiter> _buckets = new();

    /// <summary>Null when the call may proceed, else how long to wait.</summary>
    public TimeSpan? TryAcquire(Grant grant)
    {
        var rate = Math.Max(1, grant.RatePerSecond);
        var bucket = _buckets.GetOrAdd((grant.Id, rate), static k => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = k.Item2 * 2,
            TokensPerPeriod = k.Item2,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        using var lease = bucket.AttemptAcquire(1);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromSeconds(1);
    }

    public void Dispose()
    {
        foreach (var b in _buckets.Values) b.Dispose();
    }
}
