using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Server.AspNetCore;
using Qilu.Identity.Auditing;

namespace Qilu.Identity.SignOn;

/// <summary>
/// RP-initiated logout: ends the provider session and returns to the client's registered post-logout URI
/// (OpenIddict validates it against the client's registration).
/// </summary>
internal static class EndSession
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/connect/endsession", ["GET", "POST"], HandleAsync).ExcludeFromDescription().DisableAntiforgery();
    }

    private static async Task<IResult> HandleAsync(HttpContext context, IdentityAudit audit)
    {
        var session = await context.AuthenticateAsync(IdentitySchemes.ProviderSession);
        await context.SignOutAsync(IdentitySchemes.ProviderSession);
        if (session.Succeeded)
            await audit.WriteAsync("identity.signout", "account", session.Principal?.FindFirst("sub")?.Value, "success");
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
