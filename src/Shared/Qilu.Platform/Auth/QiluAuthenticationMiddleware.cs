using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace Qilu.Platform.Auth;

/// <summary>
/// ASP.NET Core's authentication middleware, except on <see cref="BearerOnlyMetadata"/> endpoints. The standard
/// middleware first offers every request to each scheme that can answer requests itself — here OpenIddict's server
/// (is this its token, authorization or discovery endpoint?) and its validation — and each offer dispatches an event
/// through a few dozen handlers; on the sharing gateway, called thousands of times a second, that was ~3 % of the CPU of
/// a call for requests that can never be such an endpoint (ADR 0018 addendum 4). A bearer-only endpoint skips the offers
/// and only authenticates with the default scheme, publishing the result exactly as the standard middleware does.
/// Routing runs before it, so the endpoint and its metadata are known.
/// </summary>
public sealed class QiluAuthenticationMiddleware
{
    private readonly RequestDelegate _next;
    private readonly AuthenticationMiddleware _standard;
    private readonly IAuthenticationSchemeProvider _schemes;

    /// <summary>Wraps the standard middleware, which serves every other endpoint.</summary>
    public QiluAuthenticationMiddleware(RequestDelegate next, IAuthenticationSchemeProvider schemes)
    {
        _next = next;
        _schemes = schemes;
        _standard = new AuthenticationMiddleware(next, schemes);
    }

    /// <summary>Authenticates the request.</summary>
    public async Task Invoke(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<BearerOnlyMetadata>() is null)
        {
            await _standard.Invoke(context);
            return;
        }
        context.Features.Set<IAuthenticationFeature>(new AuthenticationFeature
        {
            OriginalPath = context.Request.Path,
            OriginalPathBase = context.Request.PathBase,
        });
        if (await _schemes.GetDefaultAuthenticateSchemeAsync() is { } scheme)
        {
            var result = await context.AuthenticateAsync(scheme.Name);
            if (result.Principal is not null) context.User = result.Principal;
            if (result.Succeeded)
            {
                var features = new AuthenticatedFeatures(result);
                context.Features.Set<IHttpAuthenticationFeature>(features);
                context.Features.Set<IAuthenticateResultFeature>(features);
            }
        }
        await _next(context);
    }

    /// <summary>What the standard middleware publishes (its own class for it is internal).</summary>
    private sealed class AuthenticatedFeatures(AuthenticateResult result) : IAuthenticateResultFeature, IHttpAuthenticationFeature
    {
        private ClaimsPrincipal? _user = result.Principal;
        private AuthenticateResult? _result = result;

        public AuthenticateResult? AuthenticateResult
        {
            get => _result;
            set
            {
                _result = value;
                _user = value?.Principal;
            }
        }

        public ClaimsPrincipal? User
        {
            get => _user;
            set
            {
                _user = value;
                _result = null;
            }
        }
    }
}

/// <summary>Pipeline registration of <see cref="QiluAuthenticationMiddleware"/>.</summary>
public static class QiluAuthenticationPipeline
{
    // The key UseAuthentication() sets: WebApplication adds the standard middleware at the very start of the pipeline
    // unless it finds it, and authentication would then run twice on every request.
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    /// <summary>In place of <c>UseAuthentication()</c>, after <c>UseRouting()</c>.</summary>
    public static IApplicationBuilder UseQiluAuthentication(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Properties[AuthenticationMiddlewareSetKey] = true;
        return app.UseMiddleware<QiluAuthenticationMiddleware>();
    }
}
