using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Qilu.Platform.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qilu.Identity.SignOn;

/// <summary>The userinfo endpoint: the claims the granted scopes release, from a valid access token.</summary>
internal static class UserInfo
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/connect/userinfo", ["GET", "POST"], (Delegate)HandleAsync).ExcludeFromDescription().DisableAntiforgery();
    }

    private static async Task<IResult> HandleAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (!result.Succeeded || result.Principal is null)
            return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        var p = result.Principal;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = p.GetClaim(Claims.Subject)! };
        if (p.HasScope(Scopes.Profile))
        {
            if (p.GetClaim(Claims.Name) is { } name) claims[Claims.Name] = name;
            if (p.GetClaim(Claims.PreferredUsername) is { } u) claims[Claims.PreferredUsername] = u;
        }
        if (p.HasScope(Scopes.Roles)) claims[Claims.Role] = p.GetClaims(Claims.Role).ToArray();
        if (p.HasScope(OidcScopes.Unit))
            foreach (var t in new[] { QiluClaims.ActorKind, QiluClaims.Division, QiluClaims.Unit, QiluClaims.UnitName, QiluClaims.Enterprise })
                if (p.GetClaim(t) is { } v) claims[t] = v;
        if (p.GetClaim(QiluClaims.Acr) is { } acr) claims[QiluClaims.Acr] = acr;
        return Results.Ok(claims);
    }
}
