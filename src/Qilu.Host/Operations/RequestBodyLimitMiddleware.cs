using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Qilu.Host.Operations;

/// <summary>
/// Caps request bodies at <c>Qilu:Limits:MaxRequestBodyBytes</c> (Kestrel's own default is 30 MB) unless the
/// endpoint declares its own limit (<c>[RequestSizeLimit]</c>, <c>[DisableRequestSizeLimit]</c>). A declared
/// Content-Length over the limit is refused before the body is read; a chunked body is cut off by the server when it
/// crosses the limit, which surfaces as a 413 through <see cref="ProblemExceptionHandler"/>.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptionsMonitor<LimitsSettings> settings)
{
    public Task InvokeAsync(HttpContext context)
    {
        var declared = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        var limit = declared is null ? settings.CurrentValue.MaxRequestBodyBytes : declared.MaxRequestBodySize;
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;
        if (limit is { } max && context.Request.ContentLength > max)
            return RejectAsync(context, max);
        return next(context);
    }

    private static async Task RejectAsync(HttpContext context, long max)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = ProblemExceptionHandler.BodyTooLarge(max),
        });
    }
}
