namespace Qilu.Host.Operations;

/// <summary>Request limits (<c>Qilu:Limits</c>).</summary>
internal sealed class LimitsSettings
{
    public const string Section = "Qilu:Limits";

    /// <summary>
    /// Largest accepted request body in bytes unless an endpoint carries its own <c>RequestSizeLimit</c> metadata.
    /// 1 MiB fits every JSON API; uploads opt in to more per endpoint.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}

/// <summary>Rate-limit settings (<c>Qilu:RateLimiting</c>); read when a client's limiter is first created.</summary>
internal sealed class RateLimitingSettings
{
    public const string Section = "Qilu:RateLimiting";

    /// <summary>The <c>signin</c> policy: a fixed window per client IP.</summary>
    public FixedWindowSettings SignIn { get; set; } = new();

    /// <summary>The <c>public</c> policy: a token bucket per client IP.</summary>
    public TokenBucketSettings Public { get; set; } = new();

    /// <summary>A token bucket per client IP over every request except health and metrics; off by default.</summary>
    public TokenBucketSettings Global { get; set; } = new() { Enabled = false, TokenLimit = 1000, TokensPerPeriod = 1000 };
}

/// <summary>A fixed window: at most <see cref="PermitLimit"/> requests per <see cref="WindowSeconds"/>.</summary>
internal sealed class FixedWindowSettings
{
    public int PermitLimit { get; set; } = 10;

    public double WindowSeconds { get; set; } = 60;
}

/// <summary>A token bucket: bursts up to <see cref="TokenLimit"/>, refilled by <see cref="TokensPerPeriod"/> each period.</summary>
internal sealed class TokenBucketSettings
{
    /// <summary>Only read for the global limiter; named policies are always on.</summary>
    public bool Enabled { get; set; } = true;

    public int TokenLimit { get; set; } = 100;

    public int TokensPerPeriod { get; set; } = 100;

    public double PeriodSeconds { get; set; } = 1;
}

/// <summary>Reverse-proxy settings (<c>Qilu:Proxy</c>), used when <c>Qilu:ForwardedHeaders=true</c>.</summary>
internal sealed class ProxySettings
{
    public const string Section = "Qilu:Proxy";

    /// <summary>Proxy addresses trusted to set X-Forwarded-* (loopback is always trusted).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks in CIDR notation (<c>10.0.0.0/8</c>) whose proxies are trusted.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxy hops to unwind from X-Forwarded-For.</summary>
    public int ForwardLimit { get; set; } = 1;
}
