using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Qilu.Platform.Http;

namespace Qilu.Host.Operations;

/// <summary>
/// The named policies of <see cref="RateLimitPolicies"/> and an optional global limiter, all partitioned by client
/// address. Rejections answer 429 problem details with Retry-After (RFC 9110 §10.2.3).
/// </summary>
internal static class RateLimitingSetup
{
    public static void Configure(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = OnRejectedAsync;
        options.AddPolicy(RateLimitPolicies.SignIn, context =>
        {
            var s = Settings(context).SignIn;
            return RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = s.PermitLimit,
                Window = TimeSpan.FromSeconds(s.WindowSeconds),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        options.AddPolicy(RateLimitPolicies.Public, context =>
            TokenBucket(ClientKey(context), Settings(context).Public));
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var global = Settings(context).Global;
            // Probes and scrapes must never be throttled, or an overloaded node would look dead to its orchestrator.
            if (!global.Enabled || OperationsEndpoints.IsProbe(context.Request.Path))
                return RateLimitPartition.GetNoLimiter("");
            return TokenBucket(ClientKey(context), global);
        });
    }

    private static RateLimitPartition<string> TokenBucket(string key, TokenBucketSettings s) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = s.TokenLimit,
            TokensPerPeriod = s.TokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(s.PeriodSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static RateLimitingSettings Settings(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitingSettings>>().CurrentValue;

    /// <summary>
    /// The client's address (after forwarded-header processing). IPv6 clients are grouped by their /64, since one
    /// subscriber usually holds a whole /64 and could otherwise rotate addresses to escape the limit.
    /// </summary>
    internal static string ClientKey(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = ProblemDetailsSetup.BilingualTitle(StatusCodes.Status429TooManyRequests),
                Detail = $"请在 {seconds} 秒后重试 / Retry after {seconds} seconds.",
                Type = "https://qilu.gov.cn/problems/rate_limited",
            },
        });
    }
}
