using Microsoft.AspNetCore.Http;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Platform.UseCases;

/// <summary>
/// Result helpers for use-case cores, which both the HTTP endpoints and the Blazor pages call. The cores check the
/// permission themselves (the endpoint filter checks it too) so that a page can never skip the check. Modules import
/// this class under the name <c>Outcomes</c> (a <c>Using</c> alias in the project file) and keep only what is theirs
/// alone (e.g. Cases' allowed-action conflicts) in a class of their own.
/// </summary>
public static class UseCaseResults
{
    /// <summary>400 with every field error collected.</summary>
    public static Result<T> Invalid<T>(this Validation v) => Result<T>.Failure(v.Errors, ErrorKind.Validation);

    /// <summary>400 with errors collected elsewhere (e.g. a validator of the module's own).</summary>
    public static Result<T> Invalid<T>(IReadOnlyList<Error> errors) => Result<T>.Failure(errors, ErrorKind.Validation);

    /// <summary>400 naming one field and rule.</summary>
    public static Result<T> Invalid<T>(string code, string message, string messageEn, string? field) =>
        Result<T>.Failure(new Error(code, message, messageEn, field), ErrorKind.Validation);

    /// <summary>409 with the reason.</summary>
    public static Result<T> Conflict<T>(string code, string message, string messageEn, string? field = null) =>
        Result<T>.Failure(new Error(code, message, messageEn, field), ErrorKind.Conflict);

    /// <summary>404 that does not tell "absent" from "outside your scope" (no existence oracle).</summary>
    public static Result<T> NotFound<T>(string what, string whatEn) =>
        Result<T>.Failure(new Error("not_found", $"{what}不存在或不在您的权限范围内", $"{whatEn} does not exist or is outside your scope"), ErrorKind.NotFound);

    /// <summary>403 with the reason.</summary>
    public static Result<T> Forbidden<T>(string code, string message, string messageEn) =>
        Result<T>.Failure(new Error(code, message, messageEn), ErrorKind.Forbidden);

    /// <summary>401 for a use case that needs a signed-in actor (a citizen's own cases, a ticket's caller).</summary>
    public static Result<T> Unauthenticated<T>() =>
        Result<T>.Failure(new Error("unauthenticated", "请先登录", "Sign in first"), ErrorKind.Unauthorized);

    /// <summary>409 for a lifecycle action the current state does not allow, listing the allowed ones (field <c>action</c>).</summary>
    public static Result<T> InvalidTransition<T>(string what, string state, string action, IReadOnlyList<string> allowed) =>
        Result<T>.Failure(new Error("transition.invalid",
            $"{what}当前状态“{state}”不允许执行“{action}”；允许的操作：{(allowed.Count == 0 ? "无" : string.Join("、", allowed))}",
            $"{what} in state '{state}' does not allow '{action}'; allowed: {(allowed.Count == 0 ? "none" : string.Join(", ", allowed))}",
            "action"), ErrorKind.Conflict);

    /// <summary>Null when the actor holds <paramref name="permission"/>, else the 403 error.</summary>
    public static Error? Lacks(Actor actor, string permission) => actor.Has(permission) ? null
        : new Error("permission.missing", $"您没有此操作的权限（{permission}）", $"You lack the permission {permission}");

    /// <summary>403 from an error made by <see cref="Lacks"/> or a scope check.</summary>
    public static Result<T> Denied<T>(Error error) => Result<T>.Failure(error, ErrorKind.Forbidden);

    /// <summary>The optimistic-concurrency refusal shared by every write (409 naming the field <c>version</c>).</summary>
    public static Result<T> Stale<T>(uint expected, uint actual) => Conflict<T>("concurrency.stale",
        $"数据已被他人修改（您的版本 {expected}，当前版本 {actual}），请刷新后重试",
        $"The record changed since you read it (your version {expected}, current {actual}); reload and retry", "version");

    /// <summary>200 with the value, or the problem.</summary>
    public static IResult Ok<T>(Result<T> result) => result.IsSuccess ? Results.Ok(result.Value) : Problems.From(result);

    /// <summary>201 at <paramref name="location"/>, or the problem.</summary>
    public static IResult Created<T>(Result<T> result, Func<T, string> location) =>
        result.IsSuccess ? Results.Created(location(result.Value), result.Value) : Problems.From(result);
}
