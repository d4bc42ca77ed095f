using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Qilu.Identity.Auditing;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qilu.Identity.SignOn;

/// <summary>
/// The authorization endpoint: requires a provider session (else redirects to the login page), asks consent for
/// third-party clients (explicit consent type), remembers the consent as a permanent authorization, and issues the code.
/// </summary>
internal static class Authorize
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/connect/authorize", ["GET", "POST"], HandleAsync).ExcludeFromDescription().DisableAntiforgery();
    }

    private static async Task<IResult> HandleAsync(HttpContext context, IOpenIddictApplicationManager applications,
        IOpenIddictAuthorizationManager authorizations, IOpenIddictScopeManager scopes, AccountPrincipalFactory principals,
        IAntiforgery antiforgery, IdentityAudit audit, TimeProvider clock)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        var session = await context.AuthenticateAsync(IdentitySchemes.ProviderSession);
        var maxAgeExceeded = request.MaxAge is { } maxAge && session.Properties?.IssuedUtc is { } issued
            && clock.GetUtcNow() - issued > TimeSpan.FromSeconds(maxAge);
        if (!session.Succeeded || request.HasPromptValue(PromptValues.Login) || maxAgeExceeded)
        {
            if (request.HasPromptValue(PromptValues.None))
                return Forbid(Errors.LoginRequired, "用户未登录 / The user is not signed in.");
            // Drop prompt=login so that coming back from the login page does not loop.
            var parameters = context.Request.HasFormContentType ? context.Request.Form.ToList() : context.Request.Query.ToList();
            parameters.RemoveAll(p => p.Key == Parameters.Prompt);
            var returnUrl = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters);
            return Results.Redirect("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        }

        var subject = session.Principal!.FindFirst(Claims.Subject)!.Value;
        var enterprise = session.Principal.FindFirst(Platform.Auth.QiluClaims.Enterprise)?.Value;
        var application = await applications.FindByClientIdAsync(request.ClientId!)
            ?? throw new InvalidOperationException("Unknown client (validated by OpenIddict before this point).");
        var applicationId = await applications.GetIdAsync(application);
        var requestedScopes = request.GetScopes();
        var existing = await authorizations.FindAsync(subject, applicationId, Statuses.Valid, AuthorizationTypes.Permanent, requestedScopes).ToListAsync();
        var consentType = await applications.GetConsentTypeAsync(application);

        var consent = context.Request.HasFormContentType ? context.Request.Form["consent"].ToString() : "";
        if (consent.Length > 0)
        {
            await antiforgery.ValidateRequestAsync(context);
            if (consent != "accept")
            {
                await audit.WriteAsync("identity.consent.denied", "client", request.ClientId, "denied");
                return Forbid(Errors.AccessDenied, "用户拒绝授权 / The user denied the authorization.");
            }
        }
        else if (consentType == ConsentTypes.Explicit && existing.Count == 0 || request.HasPromptValue(PromptValues.Consent))
        {
            if (request.HasPromptValue(PromptValues.None))
                return Forbid(Errors.ConsentRequired, "需要用户授权同意 / Interactive user consent is required.");
            var query = context.Request.HasFormContentType ? QueryString.Create(context.Request.Form) : context.Request.QueryString;
            return Results.Redirect("/account/consent" + query);
        }
        else if (consentType == ConsentTypes.External && existing.Count == 0)
        {
            return Forbid(Errors.ConsentRequired, "该客户端未获授权 / This client is not authorized for the user.");
        }

        var identity = await principals.CreateAsync(Guid.Parse(subject), enterprise, context.RequestAborted);
        if (identity is null)
            return Forbid(Errors.AccessDenied, "账号不可用 / The account is not available.");

        identity.SetScopes(requestedScopes);
        identity.SetResources(await scopes.ListResourcesAsync(identity.GetScopes()).ToListAsync());
        var authorization = existing.LastOrDefault() ?? await authorizations.CreateAsync(identity, subject, applicationId!,
            AuthorizationTypes.Permanent, identity.GetScopes());
        identity.SetAuthorizationId(await authorizations.GetIdAsync(authorization));
        identity.SetDestinations(AccountPrincipalFactory.DestinationsOf);
        await audit.WriteAsync("identity.authorize", "client", request.ClientId, "success",
            new { scopes = string.Join(' ', requestedScopes) });
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Forbid(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
