using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Qilu.Identity.Auditing;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qilu.Identity.SignOn;

/// <summary>
/// The token endpoint. Client credentials: the client's registered unit, division and roles become the token's
/// claims. Code and refresh: the account is re-read, so disabled accounts and changed roles take effect at once.
/// </summary>
internal static class Token
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/connect/token", HandleAsync).ExcludeFromDescription().DisableAntiforgery()
            .RequireRateLimiting(RateLimitPolicies.Public);
    }

    private static async Task<IResult> HandleAsync(HttpContext context, IOpenIddictApplicationManager applications,
        IOpenIddictScopeManager scopes, AccountPrincipalFactory principals, IdentityAudit audit)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!)
                ?? throw new InvalidOperationException("Unknown client (validated by OpenIddict before this point).");
            var properties = await applications.GetPropertiesAsync(application);
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId)
                .SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application))
                .SetClaim(QiluClaims.ActorKind, "system_client");
            foreach (var (name, claim) in new[] { ("unit", QiluClaims.Unit), ("division", QiluClaims.Division), ("unit_name", QiluClaims.UnitName) })
                if (properties.TryGetValue(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String)
                    identity.SetClaim(claim, v.GetString());
            if (properties.TryGetValue("roles", out var roles) && roles.ValueKind == System.Text.Json.JsonValueKind.Array)
                identity.SetClaims(Claims.Role, [.. roles.EnumerateArray().Select(r => r.GetString()!).Where(r => r is not null)]);
            identity.SetScopes(request.GetScopes());
            identity.SetResources(await scopes.ListResourcesAsync(identity.GetScopes()).ToListAsync());
            identity.SetDestinations(static _ => [Destinations.AccessToken]);
            var client = new Actor(ActorKind.SystemClient, request.ClientId!, identity.Name ?? request.ClientId!,
                identity.FindFirst(QiluClaims.Division)?.Value, null, new HashSet<string>(), new HashSet<string>(), RealNameLevel.None);
            await audit.WriteAsync("identity.token.client_credentials", "client", request.ClientId, "success", actor: client);
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var previous = result.Principal!;
            var subject = previous.GetClaim(Claims.Subject);
            var identity = subject is null || !Guid.TryParse(subject, out var accountId)
                ? null
                : await principals.CreateAsync(accountId, previous.GetClaim(QiluClaims.Enterprise), context.RequestAborted);
            if (identity is null)
            {
                await audit.WriteAsync("identity.token.refused", "account", subject, "denied");
                return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidGrant,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "账号已停用或授权已撤销 / The account is disabled or the delegation was revoked.",
                }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }
            identity.SetScopes(previous.GetScopes());
            identity.SetResources(previous.GetResources());
            identity.SetAuthorizationId(previous.GetAuthorizationId());
            identity.SetDestinations(AccountPrincipalFactory.DestinationsOf);
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Problems.Validation(new SharedKernel.Results.Error("unsupported_grant_type", "不支持的授权类型", "The grant type is not supported", "grant_type"));
    }
}
