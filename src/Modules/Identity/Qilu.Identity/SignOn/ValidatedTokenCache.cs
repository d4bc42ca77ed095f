using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using OpenIddict.Validation;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace Qilu.Identity.SignOn;

/// <summary>
/// Remembers what OpenIddict's <c>ValidateIdentityModelToken</c> step made of an access token (JWT parse, RS256
/// signature, issuer and type checks), so a system that calls the APIs many times with one token does not pay for the
/// signature check on every call (ADR 0018, addendum 2). Only that one step is skipped: on a hit the principal it
/// produced is handed back as a copy and every later handler still runs on it (scope and claim mapping, expiry,
/// presenters, audiences, proof of possession, and for stored tokens the token and authorization entry checks that make
/// revocation work). The key is SHA-256 over the token and the parameters that step validates against (valid issuers,
/// which follow the request's base address, and token types), so a token accepted under one issuer is not accepted
/// under another. Entries never outlive the token's <c>exp</c>, nor <see cref="MaxAge"/> (a signing key taken out of
/// the key set stops validating within that); at most <see cref="Capacity"/> are held.
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

    internal bool TryGet(ValidateTokenContext context, out ClaimsPrincipal principal)
    {
        principal = null!;
        if (!Cacheable(context) || !_entries.TryGetValue(Key(context), out var entry)) return false;
        if (entry.Until <= context.Options.TimeProvider.GetUtcNow())
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(Key(context), entry));
            return false;
        }
        Interlocked.Increment(ref _hits);
        principal = Copy(entry.Principal);
        return true;
    }

    internal void Offer(ValidateTokenContext context)
    {
        // Only a principal IdentityModel has just produced (not one restored from here, nor one another handler built).
        if (!Cacheable(context) || context.Principal is not { } principal || context.TokenValidationResult is not { IsValid: true }) return;
        if (principal.FindFirst("exp")?.Value is not { } exp || !long.TryParse(exp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)) return;
        var now = context.Options.TimeProvider.GetUtcNow();
        var until = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (until > now + MaxAge) until = now + MaxAge;
        if (until <= now) return;
        if (_entries.Count >= Capacity)
        {
            foreach (var (k, e) in _entries)
                if (e.Until <= now) _entries.TryRemove(new KeyValuePair<string, Entry>(k, e));
            if (_entries.Count >= Capacity) return;
        }
        _entries[Key(context)] = new Entry(Copy(principal), until);
    }

    /// <summary>
    /// A copy sharing nothing mutable with <paramref name="principal"/>. <see cref="ClaimsPrincipal.Clone"/> is not one:
    /// it shares the identities, and the handlers after the restore add claims to them (OpenIddict's
    /// <c>MapInternalClaims</c>) — concurrent calls with one token then added to one claim list while another enumerated
    /// it (a 500 under load), and the remembered principal grew with every call.
    /// </summary>
    internal static ClaimsPrincipal Copy(ClaimsPrincipal principal) => new(principal.Identities.Select(i => i.Clone()));

    // JWTs only (the format IdentityModel validates); reference tokens were already swapped for their payload.
    private static bool Cacheable(ValidateTokenContext context) =>
        !string.IsNullOrEmpty(context.Token) && context.TokenValidationParameters is not null
        && context.TokenFormat is null or OpenIddict.Abstractions.OpenIddictConstants.TokenFormats.Private.JsonWebToken;

    private static string Key(ValidateTokenContext context)
    {
        var p = context.TokenValidationParameters;
        var text = string.Concat(context.Token, "\n", p.ValidIssuers is null ? "" : string.Join(' ', p.ValidIssuers),
            "\n", p.ValidTypes is null ? "" : string.Join(' ', p.ValidTypes), "\n", p.ValidateIssuer ? "1" : "0");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>Before <c>ValidateIdentityModelToken</c>: hands back the principal of a token validated before.</summary>
internal sealed class RestoreValidatedToken(ValidatedTokenCache cache) : IOpenIddictValidationHandler<ValidateTokenContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } = OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
        .UseSingletonHandler<RestoreValidatedToken>()
        .SetOrder(OpenIddictValidationHandlers.Protection.ValidateIdentityModelToken.Descriptor.Order - 1)
        .SetType(OpenIddictValidationHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ValidateTokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal is null && cache.TryGet(context, out var principal)) context.Principal = principal;
        return ValueTask.CompletedTask;
    }
}

/// <summary>Right after <c>ValidateIdentityModelToken</c>, before any claim mapping: remembers what it produced.</summary>
internal sealed class RememberValidatedToken(ValidatedTokenCache cache) : IOpenIddictValidationHandler<ValidateTokenContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } = OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
        .UseSingletonHandler<RememberValidatedToken>()
        .SetOrder(OpenIddictValidationHandlers.Protection.ValidateIdentityModelToken.Descriptor.Order + 1)
        .SetType(OpenIddictValidationHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ValidateTokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        cache.Offer(context);
        return ValueTask.CompletedTask;
    }
}
