using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Qilu.Identity.Data;
using Qilu.Platform.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qilu.Identity.SignOn;

/// <summary>
/// OpenIddict as the OpenID Connect provider: authorization code with mandatory PKCE (S256 only), client
/// credentials, refresh tokens, userinfo, end session, discovery and JWKS. Access tokens are signed JWTs (RS256, as
/// OIDC requires) and not encrypted, so department systems can validate them with any JOSE library.
/// </summary>
internal static class OidcServerSetup
{
    public static void Add(IServiceCollection services)
    {
        services.AddOpenIddict()
            .AddCore(o =>
            {
                o.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>();
                o.ReplaceApplicationManager(typeof(CachedSecretApplicationManager<>));
            })
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                 .SetTokenEndpointUris("connect/token")
                 .SetUserInfoEndpointUris("connect/userinfo")
                 .SetEndSessionEndpointUris("connect/endsession")
                 .SetIntrospectionEndpointUris("connect/introspect")
                 .SetRevocationEndpointUris("connect/revoke")
                 .SetJsonWebKeySetEndpointUris(".well-known/jwks");
                o.AllowAuthorizationCodeFlow().AllowClientCredentialsFlow().AllowRefreshTokenFlow()
                 .RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess, OidcScopes.Unit, OidcScopes.Api);
                o.RegisterClaims(Claims.Subject, Claims.Name, Claims.PreferredUsername, Claims.Role,
                    QiluClaims.Acr, QiluClaims.Division, QiluClaims.Unit, QiluClaims.UnitName, QiluClaims.ActorKind, QiluClaims.Enterprise);
                o.SetAccessTokenLifetime(TimeSpan.FromMinutes(30))
                 .SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(2))
                 .SetIdentityTokenLifetime(TimeSpan.FromMinutes(15))
                 .SetRefreshTokenLifetime(TimeSpan.FromDays(7));
                o.DisableAccessTokenEncryption();
                // PKCE with S256 only: "plain" offers no protection against an intercepted authorization request.
                o.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                // Client-credentials access tokens are self-contained JWTs that resource servers validate on their own;
                // recording each one in the token table would cost a database write per request and buys nothing
                // (they cannot be revoked at a resource server that never asks). Codes and refresh tokens stay stored,
                // which is what makes code replay detection and refresh-token revocation work.
                o.AddEventHandler<OpenIddictServerEvents.GenerateTokenContext>(b => b
                    .UseInlineHandler(context =>
                    {
                        if (context.TokenType == TokenTypeIdentifiers.AccessToken && context.Request?.IsClientCredentialsGrantType() == true)
                            context.CreateTokenEntry = false;
                        return default;
                    })
                    .SetOrder(OpenIddictServerHandlers.Protection.CreateTokenEntry.Descriptor.Order - 1_000));
                o.UseAspNetCore()
                 .EnableAuthorizationEndpointPassthrough()
                 .EnableTokenEndpointPassthrough()
                 .EnableUserInfoEndpointPassthrough()
                 .EnableEndSessionEndpointPassthrough()
                 // TLS is terminated by the reverse proxy in production (deploy/); the embedded default serves HTTP on loopback.
                 .DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
            });
        services.AddSingleton<ValidatedTokenCache>();

        // Keys come from the platform key store (RS256 for signatures; a symmetric key for the provider's own
        // encrypted artifacts such as authorization codes and refresh tokens).
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, OidcKeyConfiguration>();
        services.AddSingleton<SecretCheckCache>();
        // One clock for the whole platform: code, token and cookie lifetimes follow the injected TimeProvider.
        services.AddOptions<OpenIddict.Core.OpenIddictCoreOptions>().Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.AddOptions<OpenIddictServerOptions>().Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.AddOptions<OpenIddict.Validation.OpenIddictValidationOptions>().Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);

        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = QiluAuthorization.Scheme;
                o.DefaultChallengeScheme = QiluAuthorization.Scheme;
            })
            .AddPolicyScheme(QiluAuthorization.Scheme, "Qilu", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    // A token validated before is not validated again on every call (ValidatedTokenCache).
                    ? CachedBearerHandler.Name
                    : IdentitySchemes.WebShell)
            .AddCookie(IdentitySchemes.ProviderSession, o =>
            {
                o.Cookie.Name = "qilu.idp";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
                o.LoginPath = "/account/login";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
            })
            .AddCookie(IdentitySchemes.SecondFactor, o =>
            {
                o.Cookie.Name = "qilu.2fa";
                o.Cookie.HttpOnly = true;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            });
        CachedBearerHandler.Add(authentication);
        WebShellSignOn.Add(services);
    }
}
