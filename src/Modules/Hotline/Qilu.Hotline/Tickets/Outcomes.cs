using Microsoft.AspNetCore.Http;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Tickets;

/// <summary>Result helpers shared by the use-case cores, which both the HTTP endpoints and the Blazor pages call.</summary>
internal static class Outcomes
{
    public static Result<T> Invalid<T>(this Validation v) => Result<T>.Failure(v.Errors, ErrorKind.Validation);

    public static Result<T> Invalid<T>(string code, string message, string messageEn, string? field) =>
        Result<T>.Failure(new Error(code, message, messageEn, field), ErrorKind.Validation);

    public static Result<T> Conflict<T>(string code, string message, string messageEn, string? field = null) =>
        Result<T>.Failure(new Error(code, message, messageEn, field), ErrorKind.Conflict);

    /// <summary>A 409 whose extra errors (code <c>hotline.allowed_action</c>, field = the action) name what is allowed now.</summary>
    public static Result<T> NotAllowed<T>(string action, TicketStatus status, IEnumerable<string> allowed) =>
        Result<T>.Failure([new Error("hotline.action_not_allowed", $"工单当前为“{TicketStatuses.Zh(status)}”，不能执行“{TicketMachine.Zh(action)}”",
            $"'{action}' is not allowed while the ticket is {TicketStatuses.Key(status)}", "action"),
            .. allowed.Select(a => new Error("hotline.allowed_action", $"可执行：{TicketMachine.Zh(a)}", $"Allowed: {a}", a))], ErrorKind.Conflict);

    public static Result<T> Stale<T>() => Conflict<T>("hotline.version_conflict", "工单已被他人修改，请刷新后重试",
        "The ticket was changed by someone else; reload and retry", "version");

    public static Result<T> NotFound<T>() =>
        Result<T>.Failure(new Error("not_found", "工单不存在或不在您的权限范围内", "The ticket does not exist or is outside your scope"), ErrorKind.NotFound);

    public static Result<T> Unauthenticated<T>() =>
        Result<T>.Failure(new Error("unauthenticated", "请先登录", "Sign in first"), ErrorKind.Unauthorized);

    /// <summary>Null when the actor holds <paramref name="permission"/>, else the 403 error.</summary>
    public static Error? Lacks(Actor actor, string permission) => actor.Has(permission) ? null
        : new Error("permission.missing", $"您没有此操作的权限（{permission}）", $"You lack the permission {permission}");

    public static Result<T> Denied<T>(Error error) => Result<T>.Failure(error, ErrorKind.Forbidden);

    /// <summary>200 with the value, or the problem.</summary>
    public static IResult Ok<T>(Result<T> result) => result.IsSuccess ? Results.Ok(result.Value) : Problems.From(result);
}
