using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Qilu.Web.Localization;

namespace Qilu.Web;

/// <summary>Middleware the shell needs in the request pipeline.</summary>
public static class ShellPipeline
{
    /// <summary>
    /// Adds request localisation and, for browser page requests only, re-executes bare error statuses (404, 403…)
    /// as the shell's <c>/status/{code}</c> page. API clients keep their problem-details responses untouched.
    /// Call after <c>UseExceptionHandler("/error", createScopeForErrors: true)</c> and before authentication.
    /// </summary>
    public static IApplicationBuilder UseQiluShell(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseQiluLocalization();
        app.UseWhen(IsPageRequest, b => b.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true));
        return app;
    }

    internal static bool IsPageRequest(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && context.Request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));
}
