using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;

namespace Qilu.Identity.SignOn;

/// <summary>
/// OpenIddict's application manager with a bounded, expiring memory of client-secret checks. OpenIddict stores secrets
/// as PBKDF2 hashes (deliberately slow: 3–5 ms of CPU here), and department systems authenticate on every
/// client-credentials request, so without this the token endpoint spends most of its time re-deriving the same hash.
/// The cache key is SHA-256 over (stored hash, presented secret): a changed secret changes the stored hash and so
/// misses; the secret itself is never kept. Entries live 10 minutes, at most 10,000 of them.
/// </summary>
internal sealed class CachedSecretApplicationManager<TApplication>(
    IOpenIddictApplicationCache<TApplication> cache,
    ILogger<OpenIddictApplicationManager<TApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<TApplication> store,
    SecretCheckCache checks)
    : OpenIddictApplicationManager<TApplication>(cache, logger, options, store)
    where TApplication : class
{
    protected override async ValueTask<bool> ValidateClientSecretAsync(string secret, string comparand, CancellationToken cancellationToken = default)
    {
        var key = SecretCheckCache.KeyOf(secret, comparand);
        if (checks.Memory.TryGetValue(key, out bool known)) return known;
        var valid = await base.ValidateClientSecretAsync(secret, comparand, cancellationToken);
        checks.Memory.Set(key, valid, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10) });
        return valid;
    }
}

/// <summary>The memory behind <see cref="CachedSecretApplicationManager{TApplication}"/> (a singleton, bounded).</summary>
internal sealed class SecretCheckCache : IDisposable
{
    public MemoryCache Memory { get; } = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public static string KeyOf(string secret, string comparand) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(comparand + "\u0000" + secret)));

    public void Dispose() => Memory.Dispose();
}
