using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace Qilu.Bench.Token;

/// <summary>
/// Bench-only what-if: OpenIddict's application manager with the PBKDF2 client-secret check remembered for a
/// (stored hash, SHA-256 of presented secret) pair that already verified. This is the shape of the fix the benchmark
/// suggests (a bounded, expiring cache in production); it is not wired into the host.
/// </summary>
internal sealed class CachedSecretApplicationManager(
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>(cache, logger, options, store)
{
    private static readonly ConcurrentDictionary<string, bool> Verified = new(StringComparer.Ordinal);
    private static long _checks;
    private static long _derivations;

    /// <summary>Secret checks OpenIddict asked for, and how many of them ran PBKDF2 (cache misses).</summary>
    public static (long Checks, long Derivations) Counts => (Interlocked.Read(ref _checks), Interlocked.Read(ref _derivations));

    public static void ResetCounts()
    {
        Interlocked.Exchange(ref _checks, 0);
        Interlocked.Exchange(ref _derivations, 0);
    }

    public static void Register(IServiceCollection services) =>
        services.AddOpenIddict().AddCore(o => o.ReplaceApplicationManager<OpenIddictEntityFrameworkCoreApplication, CachedSecretApplicationManager>());

    protected override async ValueTask<bool> ValidateClientSecretAsync(string secret, string comparand, CancellationToken cancellationToken = default)
    {
        var key = comparand + "|" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        Interlocked.Increment(ref _checks);
        if (Verified.ContainsKey(key)) return true;
        Interlocked.Increment(ref _derivations);
        var ok = await base.ValidateClientSecretAsync(secret, comparand, cancellationToken);
        if (ok) Verified[key] = true;
        return ok;
    }
}
