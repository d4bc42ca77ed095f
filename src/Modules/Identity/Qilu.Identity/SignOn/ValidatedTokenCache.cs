using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using OpenIddict.Abstractions;

namespace Qilu.Identity.SignOn;

/// <summary>
/// Remembers what OpenIddict's validation made of an access token, so a system that calls the APIs many times with one
/// token does not have it validated again on every call (ADR 0018, addenda 2 and 4): <see cref="CachedBearerHandler"/>
/// answers a remembered token with a copy of its principal, checking its expiry on every call. Nothing else of that
/// validation depends on the call: the signature, issuer, type, audiences and presenters are properties of the token and
/// of options fixed at start-up, and token entries are not consulted per call (no token-entry validation). The key is
/// SHA-256 over the token and the request's base address (the issuer OpenIddict expects follows it), so a token accepted
/// under one issuer is not accepted under another. Entries never outlive the token's expiry, nor <see cref="MaxAge"/>
/// (a signing key taken out of the key set stops validating within that); at most <see cref="Capacity"/> are held.
/// </summary>
internal sealed class ValidatedTokenCache
{
    /// <summary>Most tokens held; beyond it tokens are validated every time until expired entries are swept.</summary>
    public const int Capacity = 10_000;

    /// <summary>Longest an entry is used, whatever the token's own expiry.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _hits;

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset Until);

    /// <summary>Validations answered from the cache (for tests and metrics).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Tokens held (for tests).</summary>
    public int Count => _entries.Count;

    /// <summary>The principals held, as remembered (for tests).</summary>
    internal IEnumerable<ClaimsPrincipal> Remembered => _entries.Values.Select(e => e.Principal);

    /// <summary>A copy of the principal validated for <paramref name="token"/> under <paramref name="issuer"/>, unless expired.</summary>
    public bool TryGet(string token, string issuer, DateTimeOffset now, out ClaimsPrincipal principal)
    {
        principal = null!;
        var key = Key(token, issuer);
        if (!_entries.TryGetValue(key, out var entry)) return false;
        if (entry.Until <= now)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            return false;
        }
        Interlocked.Increment(ref _hits);
        principal = Copy(entry.Principal);
        return true;
    }

    /// <summary>Remembers <paramref name="principal"/>, just validated for <paramref name="token"/>, until the token expires (at most <see cref="MaxAge"/>).</summary>
    public void Offer(string token, string issuer, ClaimsPrincipal principal, DateTimeOffset now)
    {
        if (ExpiresAt(principal) is not { } expires) return;
        var until = expires > now + MaxAge ? now + MaxAge : expires;
        if (until <= now) return;
        if (_entries.Count >= Capacity)
        {
            foreach (var (k, e) in _entries)
                if (e.Until <= now) _entries.TryRemove(new KeyValuePair<string, Entry>(k, e));
            if (_entries.Count >= Capacity) return;
        }
        _entries[Key(token, issuer)] = new Entry(Copy(principal), until);
    }

    /// <summary>
    /// A copy sharing nothing mutable with <paramref name="principal"/>. <see cref="ClaimsPrincipal.Clone"/> is not one:
    /// it shares the identities, so whatever a caller adds to its principal's claims (OpenIddict's claim mapping did,
    /// when this cache sat inside its validation) lands in the remembered one — concurrent calls with one token then
    /// added to one claim list while another enumerated it (a 500 under load).
    /// </summary>
    internal static ClaimsPrincipal Copy(ClaimsPrincipal principal) => new(principal.Identities.Select(i => i.Clone()));

    // OpenIddict's own expiry claim once it has validated the token; the JWT's exp otherwise.
    private static DateTimeOffset? ExpiresAt(ClaimsPrincipal principal)
    {
        if (principal.GetExpirationDate() is { } date) return date;
        return principal.FindFirst("exp")?.Value is { } exp && long.TryParse(exp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }

    // SHA-256 over UTF-8(token ‖ "\n" ‖ issuer), hashed from a stack buffer: a call with a cached token otherwise
    // allocated the concatenation and its bytes (two copies of a ~1 KB token) only to hash them.
    private static string Key(string token, string issuer)
    {
        var max = Encoding.UTF8.GetMaxByteCount(token.Length + 1 + issuer.Length);
        byte[]? rented = null;
        Span<byte> text = max <= 8192 ? stackalloc byte[max] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var n = Encoding.UTF8.GetBytes(token, text);
            text[n++] = (byte)'\n';
            n += Encoding.UTF8.GetBytes(issuer, text[n..]);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(text[..n], hash);
            return Convert.ToHexString(hash);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
