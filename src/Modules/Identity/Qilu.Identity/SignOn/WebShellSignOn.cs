using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Qilu.Platform.Hosting;

namespace Qilu.Identity.SignOn;

/// <summary>
/// The web shell signs in through this same OpenID Connect provider, exactly as an external relying party would
/// (authorization code + PKCE, confidential client <c>qilu-web</c>), using ASP.NET Core's stock OIDC handler.
/// The provider's address is this process's own public URL.
/// </summary>
internal static class WebShellSignOn
{
    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication()
            .AddCookie(IdentitySchemes.WebShell, o =>
            {
                o.Cookie.Name = "qilu.web";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.LoginPath = "/signin";
                o.AccessDeniedPath = "/access-denied";
                // APIs answer 401/403 (problem details come from the permission filter); pages redirect.
                o.Events.OnRedirectToLogin = ctx =>
                {
                    if (ctx.Request.Path.StartsWithSegments("/api")) ctx.Response.StatusCode = 401;
                    else ctx.Response.Redirect(ctx.RedirectUri);
                    return Task.CompletedTask;
                };
            })
            .AddOpenIdConnect(IdentitySchemes.WebShellOidc, o =>
            {
                o.SignInScheme = IdentitySchemes.WebShell;
                o.ClientId = IdentitySchemes.WebShellClientId;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                // Query response mode and Lax correlation cookies: the platform serves plain HTTP on loopback by
                // default, where browsers drop SameSite=None cookies (they must be Secure).
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.MapInboundClaims = false;
                o.SaveTokens = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.Scope.Clear();
                foreach (var s in new[] { "openid", "profile", "roles", OidcScopes.Unit }) o.Scope.Add(s);
                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.RoleClaimType = "role";
                o.CallbackPath = "/signin-oidc";
                o.SignedOutCallbackPath = "/signout-callback-oidc";
                o.RequireHttpsMetadata = false;
                // acr is a Qilu claim kept as-is; every claim of the id_token is kept for the Actor.
                o.ClaimActions.Clear();
            });
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, SelfAuthority>();
    }

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/signin", (string? returnUrl) => Results.Challenge(
            new AuthenticationProperties { RedirectUri = SignInWithPassword.SafeReturnUrl(returnUrl ?? "/workbench") },
            [IdentitySchemes.WebShellOidc])).ExcludeFromDescription();
        routes.MapGet("/signout", async (HttpContext ctx) =>
        {
            await ctx.SignOutAsync(IdentitySchemes.WebShell);
            await ctx.SignOutAsync(IdentitySchemes.ProviderSession);
            return Results.Redirect("/");
        }).ExcludeFromDescription();
    }

    /// <summary>
    /// Points the shell's OIDC handler at this process: the configured public URL, else the first address Kestrel
    /// listens on (wildcards mapped to loopback). Resolved lazily, when the first sign-in happens and the server runs.
    /// </summary>
    private sealed class SelfAuthority(IServiceProvider services, IOptions<QiluOptions> qilu, WebClientSecret secret)
        : IConfigureNamedOptions<OpenIdConnectOptions>
    {
        // Configure (not PostConfigure): the handler's own post-configuration validates Authority and builds its
        // configuration manager from it, so the authority must be known before that runs.
        public void Configure(OpenIdConnectOptions options) => Configure(Options.DefaultName, options);

        public void Configure(string? name, OpenIdConnectOptions options)
        {
            if (name != IdentitySchemes.WebShellOidc) return;
            options.ClientSecret = secret.Value;
            options.Authority = Resolve(services, qilu.Value);
            options.MetadataAddress = options.Authority.TrimEnd('/') + "/.well-known/openid-configuration";
        }
    }

    internal static string Resolve(IServiceProvider services, QiluOptions qilu)
    {
        if (!string.IsNullOrWhiteSpace(qilu.PublicUrl)) return qilu.PublicUrl.TrimEnd('/');
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault() ?? "http://127.0.0.1:5080";
        return first.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }
}

/// <summary>The web shell client's secret: random per installation, kept in the data directory's keys folder.</summary>
internal sealed class WebClientSecret(IOptions<QiluOptions> qilu)
{
    private readonly Lazy<string> _value = new(() =>
    {
        var dir = Path.Combine(Path.GetFullPath(qilu.Value.DataDirectory), "keys");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "qilu-web.secret");
        if (File.Exists(file)) return File.ReadAllText(file).Trim();
        var value = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(file, value);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return value;
    });

    public string Value => _value.Value;
}
