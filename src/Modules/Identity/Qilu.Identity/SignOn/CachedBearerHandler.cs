using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Validation.AspNetCore;

namespace Qilu.Identity.SignOn;

/// <summary>
/// The bearer scheme the platform's policy scheme forwards to: a token validated before is answered from
/// <see cref="ValidatedTokenCache"/> (expiry checked on every call); any other is validated by OpenIddict, whose
/// result is remembered when it succeeds. Challenges and forbids are OpenIddict's (its error responses). OpenIddict
/// keeps each request's state in a transaction it opens when the authentication middleware offers it the request; on
/// bearer-only endpoints that offer is skipped (<see cref="Qilu.Platform.Auth.QiluAuthenticationMiddleware"/>), so it is
/// made here, and only when OpenIddict is actually needed.
/// </summary>
internal sealed class CachedBearerHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ValidatedTokenCache cache, TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string Name = "qilu.bearer";

    private const string Validation = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;

    /// <summary>Registers the scheme.</summary>
    public static void Add(AuthenticationBuilder builder) => builder.AddScheme<AuthenticationSchemeOptions, CachedBearerHandler>(Name, null);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        // The issuer OpenIddict validates against is the request's base address (no fixed issuer is configured).
        var issuer = string.Concat(Request.Scheme, "://", Request.Host.Value, Request.PathBase.Value);
        var now = clock.GetUtcNow();
        if (token.Length > 0 && cache.TryGet(token, issuer, now, out var principal))
            return AuthenticateResult.Success(new AuthenticationTicket(principal, Validation));
        if (await OfferRequestToValidationAsync()) return AuthenticateResult.NoResult();
        var result = await Context.AuthenticateAsync(Validation);
        if (token.Length > 0 && result.Succeeded) cache.Offer(token, issuer, result.Principal, now);
        return result;
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!await OfferRequestToValidationAsync()) await Context.ChallengeAsync(Validation, properties);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        if (!await OfferRequestToValidationAsync()) await Context.ForbidAsync(Validation, properties);
    }

    /// <summary>What the standard authentication middleware does first: lets OpenIddict's validation open its transaction (true when it answered the request itself).</summary>
    private async Task<bool> OfferRequestToValidationAsync()
    {
        if (Context.Features.Get<OpenIddictValidationAspNetCoreFeature>()?.Transaction is not null) return false;
        var handlers = Context.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>();
        return await handlers.GetHandlerAsync(Context, Validation) is IAuthenticationRequestHandler handler && await handler.HandleRequestAsync();
    }
}
