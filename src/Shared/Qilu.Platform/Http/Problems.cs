using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Qilu.SharedKernel.Results;

namespace Qilu.Platform.Http;

/// <summary>
/// RFC 9457 problem details built from <see cref="Error"/>s. Validation problems carry an <c>errors</c> array in
/// which each item names the field, the rule (code) and the message in Chinese and English.
/// </summary>
public static class Problems
{
    public static IResult From(ErrorKind kind, IReadOnlyList<Error> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var status = kind switch
        {
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
            _ => StatusCodes.Status400BadRequest,
        };
        var first = errors[0];
        var problem = new ProblemDetails
        {
            Status = status,
            Type = $"https://qilu.gov.cn/problems/{first.Code}",
            Title = kind switch
            {
                ErrorKind.NotFound => "资源不存在 / Not found",
                ErrorKind.Conflict => "状态冲突 / Conflict",
                ErrorKind.Forbidden => "无权操作 / Forbidden",
                ErrorKind.Unauthorized => "未认证 / Unauthorized",
                _ => "请求参数有误 / Invalid request",
            },
            Detail = first.Message,
        };
        problem.Extensions["errors"] = errors.Select(e => new ProblemError(e.Field, e.Code, e.Message, e.MessageEn)).ToArray();
        return Results.Problem(problem);
    }

    public static IResult From<T>(Result<T> result) => From(result.Kind, result.Errors);

    public static IResult Validation(params Error[] errors) => From(ErrorKind.Validation, errors);

    public static IResult NotFound(string what, string whatEn) =>
        From(ErrorKind.NotFound, [new Error("not_found", $"{what}不存在或不在您的权限范围内", $"{whatEn} does not exist or is outside your scope")]);

    public static IResult Conflict(string code, string message, string messageEn) =>
        From(ErrorKind.Conflict, [new Error(code, message, messageEn)]);

    /// <summary>Maps a result to 200 with its value, or to a problem.</summary>
    public static IResult ToHttp<T>(this Result<T> result) => result.IsSuccess ? Results.Ok(result.Value) : From(result);
}

/// <summary>One item of a problem's <c>errors</c> array.</summary>
public sealed record ProblemError(string? Field, string Code, string Message, string MessageEn);
