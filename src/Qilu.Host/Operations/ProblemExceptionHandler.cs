using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Qilu.Platform.Http;

namespace Qilu.Host.Operations;

/// <summary>
/// Turns exceptions into problem details. Bad requests the framework detects while binding (malformed JSON, a value
/// of the wrong type, a missing body, a wrong content type, a body over the size limit) keep their 4xx status and
/// name the offending JSON path; anything else is a 500 whose details (message, stack) appear only in Development.
/// </summary>
internal sealed partial class ProblemExceptionHandler(
    IProblemDetailsService problemDetails, IHostEnvironment environment, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            LogAborted(logger, httpContext.Request.Path);
            return true;
        }

        var problem = Describe(httpContext, exception);
        if (problem.Status >= StatusCodes.Status500InternalServerError)
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        else
            LogBadRequest(logger, problem.Status ?? 400, httpContext.Request.Method, httpContext.Request.Path, problem.Detail);

        if (environment.IsDevelopment() && problem.Status >= StatusCodes.Status500InternalServerError)
        {
            problem.Extensions["exception"] = new
            {
                type = exception.GetType().FullName,
                message = exception.Message,
                stackTrace = exception.ToString(),
            };
        }
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private ProblemDetails Describe(HttpContext httpContext, Exception exception)
    {
        var json = FindJsonException(exception);
        if (exception is BadHttpRequestException bad)
        {
            if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
                return BodyTooLarge(httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize);
            if (json is not null) return InvalidJson(json, bad.Message);
            return ParameterBinding(bad.Message) ?? BadRequest(bad.StatusCode, bad.Message);
        }
        if (json is not null) return InvalidJson(json, null);
        // Every versioned entity is a concurrency token: a change that raced another one must answer 409 (the caller
        // reloads and retries), never a 500 and never a silent overwrite, whichever use case forgot to catch it.
        if (exception is Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
            return new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = ProblemDetailsSetup.BilingualTitle(StatusCodes.Status409Conflict),
                Detail = "数据已被他人修改，请刷新后重试 / The data was changed by someone else; reload and retry.",
                Type = "https://qilu.gov.cn/problems/concurrency.version",
            };
        return new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = ProblemDetailsSetup.BilingualTitle(StatusCodes.Status500InternalServerError),
            Detail = environment.IsDevelopment()
                ? exception.Message
                : "处理请求时发生错误，请凭 traceId 联系运维人员 / The request failed; quote the traceId to the operators.",
        };
    }

    public static ProblemDetails BodyTooLarge(long? limit) => new()
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Title = ProblemDetailsSetup.BilingualTitle(StatusCodes.Status413PayloadTooLarge),
        Detail = limit is { } max
            ? $"请求体不能超过 {max} 字节 / The request body must not exceed {max} bytes."
            : "请求体超过了允许的大小 / The request body exceeds the allowed size.",
    };

    private static ProblemDetails BadRequest(int status, string message) => new()
    {
        Status = status,
        Title = ProblemDetailsSetup.BilingualTitle(status),
        // The remaining framework messages describe the request's shape (content types, a missing body), not its values;
        // the parameter-binding ones, which quote the value, are handled by ParameterBinding.
        Detail = message,
    };

    /// <summary>
    /// A query, route or header parameter that could not be bound (<c>?page=abc</c> for an integer) or a required one
    /// that is missing: a 400 naming the parameter and the kind of value it takes, for every endpoint. The framework's
    /// message quotes the value sent, which may be personal data; it is neither answered nor logged.
    /// </summary>
    internal static ProblemDetails? ParameterBinding(string message)
    {
        var match = BindingMessage().Match(message);
        if (!match.Success) return null;
        var name = match.Groups["name"].Value;
        var (kind, kindEn) = ValueKind(match.Groups["type"].Value);
        var missing = match.Groups["verb"].Value == "Required parameter";
        var error = missing
            ? new ProblemError(name, "binding.required", $"缺少必填参数 {name}（{kind}）", $"The parameter '{name}' ({kindEn}) is required.")
            : new ProblemError(name, "binding.format", $"参数 {name} 的值无效，应为{kind}", $"The value of '{name}' is invalid; expected {kindEn}.");
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = ProblemDetailsSetup.BilingualTitle(StatusCodes.Status400BadRequest),
            Type = $"https://qilu.gov.cn/problems/{error.Code}",
            Detail = $"{error.Message} / {error.MessageEn}",
        };
        problem.Extensions["errors"] = new[] { error };
        return problem;
    }

    /// <summary>The kind of value a parameter of CLR type <paramref name="type"/> (as the framework names it) takes.</summary>
    private static (string Zh, string En) ValueKind(string type) => Underlying(type) switch
    {
        "int" or "long" or "short" or "byte" or "uint" or "ulong" or "Int32" or "Int64" => ("整数", "an integer"),
        "decimal" or "double" or "float" or "Decimal" or "Double" => ("数字", "a number"),
        "bool" or "Boolean" => ("true 或 false", "true or false"),
        "Guid" => ("GUID 标识", "a GUID"),
        "DateOnly" => ("日期（yyyy-MM-dd）", "a date (yyyy-MM-dd)"),
        "DateTime" or "DateTimeOffset" => ("日期时间（ISO 8601）", "a date-time (ISO 8601)"),
        "TimeOnly" or "TimeSpan" => ("时间", "a time"),
        "string" or "String" => ("文本", "text"),
        _ => ("有效的取值", "a valid value"),
    };

    // "int?", "Nullable<Guid>" → the value type.
    private static string Underlying(string type) =>
        type.StartsWith("Nullable<", StringComparison.Ordinal) && type.EndsWith('>') ? type[9..^1] : type.TrimEnd('?');

    // ASP.NET Core's RequestDelegateFactory messages: 'Failed to bind parameter "int page" from "abc".' and
    // 'Required parameter "int page" was not provided from query string.'
    [System.Text.RegularExpressions.GeneratedRegex("^(?<verb>Failed to bind parameter|Required parameter) \"(?<type>[^\"]+) (?<name>[^\" ]+)\"",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex BindingMessage();

    private static ProblemDetails InvalidJson(JsonException json, string? bindingMessage)
    {
        var field = FieldName(json.Path);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "请求体不是有效的 JSON / The request body is not valid JSON",
            Type = "https://qilu.gov.cn/problems/invalid_json",
            Detail = field is null
                ? "请求体 JSON 格式错误 / The JSON body is malformed."
                : $"字段 {field} 的值无效或 JSON 格式错误 / The value of '{field}' is invalid or the JSON is malformed.",
        };
        problem.Extensions["errors"] = new[]
        {
            new ProblemError(field, "invalid_json",
                field is null ? "请求体 JSON 格式错误" : $"字段 {field} 的值无效：类型不符或 JSON 格式错误",
                // System.Text.Json's message names the expected type and position, not the value sent.
                json.Message),
        };
        if (bindingMessage is not null) problem.Extensions["binding"] = bindingMessage;
        return problem;
    }

    /// <summary>Turns a JSON path (<c>$.applicant.birthDate</c>) into the field name clients use (<c>applicant.birthDate</c>).</summary>
    internal static string? FieldName(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return null;
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is JsonException json) return json;
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected {Status} for {Method} {Path}: {Detail}")]
    private static partial void LogBadRequest(ILogger logger, int status, string method, PathString path, string? detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Request to {Path} aborted by the client")]
    private static partial void LogAborted(ILogger logger, PathString path);
}
