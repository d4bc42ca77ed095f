namespace Qilu.Host.Operations;

/// <summary>
/// Browser hardening headers on every response, including error responses (set when the response starts, after
/// the exception handler may have cleared the headers).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>
    /// Content Security Policy for the Blazor shell. Blazor Server (blazor.web.js) and AntDesign's script need no
    /// eval and no inline script, so scripts come from this origin only; AntDesign and Blazor's reconnect UI set
    /// inline styles, hence 'unsafe-inline' for styles only. connect-src 'self' covers the circuit's WebSocket.
    /// form-action is left open on purpose: the OpenID Connect sign-in posts a form whose response redirects to the
    /// registered client's redirect_uri on another origin, which browsers check against form-action. The one hash in
    /// script-src is OpenIddict's response_mode=form_post page script (<c>document.form.submit();</c>), so relying
    /// parties that use form_post work; it allows that exact script and nothing else.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'sha256-j7OoGArf6XW6YY4cAyS3riSSvrJRqpSi1fOF9vQ5SrI='; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // An endpoint may set a page-specific policy (the API reference sets one with a nonce) and keeps it. Blazor's
            // interactive server render mode sets only "frame-ancestors 'self'"; the full policy replaces that.
            var existing = headers.ContentSecurityPolicy.ToString();
            if (existing.Length == 0 || existing.StartsWith("frame-ancestors", StringComparison.Ordinal))
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
