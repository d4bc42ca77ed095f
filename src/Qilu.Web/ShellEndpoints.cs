using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Qilu.Web.Localization;

namespace Qilu.Web;

/// <summary>HTTP endpoints the shell needs besides its pages.</summary>
public static class ShellEndpoints
{
    /// <summary>Maps <c>GET /culture/set?culture=en-US&amp;redirectUri=/path</c>.</summary>
    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/culture/set", SetCulture).ExcludeFromDescription();
        return routes;
    }

    internal static IResult SetCulture(HttpContext context, string? culture, string? redirectUri)
    {
        var chosen = ShellLocalization.IsSupported(culture)
            ? ShellLocalization.SupportedCultures.First(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase))
            : ShellLocalization.DefaultCulture;
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return Results.LocalRedirect(SafeLocalPath(redirectUri));
    }

    /// <summary>
    /// Only site-relative paths are followed: "//evil.example" and "/\evil.example" are protocol-relative to browsers
    /// and would turn the language switch into an open redirect.
    /// </summary>
    internal static string SafeLocalPath(string? redirectUri)
    {
        if (string.IsNullOrEmpty(redirectUri) || redirectUri[0] != '/') return "/";
        if (redirectUri.Length > 1 && (redirectUri[1] == '/' || redirectUri[1] == '\\')) return "/";
        return redirectUri;
    }
}
