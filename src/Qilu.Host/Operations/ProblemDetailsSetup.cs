using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace Qilu.Host.Operations;

/// <summary>
/// RFC 9457 problem details for every error the host answers: endpoint results, unhandled exceptions, empty 4xx/5xx
/// responses (status-code pages), body-size and rate-limit rejections. Each carries <c>instance</c> (the request
/// path, RFC 9457 §3.1.5) and <c>traceId</c> (the W3C trace id, to find the request in logs and traces).
/// </summary>
internal static class ProblemDetailsSetup
{
    public static void Customize(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Instance ??= $"{http.Request.PathBase}{http.Request.Path}";
        var traceId = Activity.Current?.TraceId.ToHexString()
            ?? http.Features.Get<IHttpActivityFeature>()?.Activity.TraceId.ToHexString()
            ?? http.TraceIdentifier;
        problem.Extensions["traceId"] = traceId;
        var status = problem.Status ?? http.Response.StatusCode;
        if (BilingualTitle(status) is { } title && IsFrameworkDefaultTitle(problem.Title, status))
            problem.Title = title;
        // Minimal APIs answer a body cut off by the server's size limit with an empty 413 (status-code pages then
        // write this problem); say what the limit was.
        if (status == StatusCodes.Status413PayloadTooLarge && problem.Detail is null)
            problem.Detail = ProblemExceptionHandler.BodyTooLarge(http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize).Detail;
    }

    /// <summary>Chinese-and-English titles for the statuses the platform answers without a specific title.</summary>
    public static string? BilingualTitle(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "请求有误 / Bad request",
        StatusCodes.Status401Unauthorized => "未认证 / Unauthorized",
        StatusCodes.Status403Forbidden => "无权访问 / Forbidden",
        StatusCodes.Status404NotFound => "资源不存在 / Not found",
        StatusCodes.Status405MethodNotAllowed => "不支持该请求方法 / Method not allowed",
        StatusCodes.Status406NotAcceptable => "无法提供所请求的格式 / Not acceptable",
        StatusCodes.Status409Conflict => "状态冲突 / Conflict",
        StatusCodes.Status413PayloadTooLarge => "请求体过大 / Content too large",
        StatusCodes.Status415UnsupportedMediaType => "不支持的媒体类型 / Unsupported media type",
        StatusCodes.Status429TooManyRequests => "请求过于频繁 / Too many requests",
        StatusCodes.Status500InternalServerError => "服务器内部错误 / Internal server error",
        StatusCodes.Status503ServiceUnavailable => "服务暂不可用 / Service unavailable",
        _ => null,
    };

    // The framework fills Title with the reason phrase (or a fixed sentence for 500); titles set by a module, such as
    // Platform's Problems, are left alone.
    private static bool IsFrameworkDefaultTitle(string? title, int status) =>
        title is null
        || string.Equals(title, ReasonPhrases.GetReasonPhrase(status), StringComparison.OrdinalIgnoreCase)
        || title == "An error occurred while processing your request.";
}
