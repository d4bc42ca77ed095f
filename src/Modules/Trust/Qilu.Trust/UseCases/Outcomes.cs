using Microsoft.AspNetCore.Http;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Trust.UseCases;

/// <summary>
/// Result helpers shared by the use-case cores, which both the HTTP endpoints and the Blazor pages call. The cores
/// check the permission themselves (the endpoint filter checks it too) so that a page can never skip the check.
/// </summary>
internal static class Outcomes
{
    public static Result<T> Invalid<T>(this Validation v) => Result<T>.Failure(v.Errors, ErrorKind.Validation);

    public static Result<T> Invalid<T>(string code, string message, string messageEn, string? field) =>
        Result<T>.Failure(new Error(code, message, messageEn, field), ErrorKind.Validation);

    public static Result<T> Conflict<T>(string code, string message, string messageEn, string? field = null) =>
        Result<T>.Failure(new Error(code, message, messageEn, field), ErrorKind.Conflict);

    public static Result<T> NotFound<T>(string what, string whatEn) =>
        Result<T>.Failure(new Error("not_found", $"{what}不存在或不在您的权限范围内", $"{whatEn} does not exist or is outside your scope"), ErrorKind.NotFound);

    public static Result<T> Forbidden<T>(string code, string message, string messageEn) =>
        Result<T>.Failure(new Error(code, message, messageEn), ErrorKind.Forbidden);

    /// <summary>Null when the actor holds <paramref name="permission"/>, else the 403 error.</summary>
    public static Error? Lacks(Actor actor, string permission) => actor.Has(permission) ? null
        : new Error("permission.missing", $"您没有此操作的权限（{permission}）", $"You lack the permission {permission}");

    public static Result<T> Denied<T>(Error error) => Result<T>.Failure(error, ErrorKind.Forbidden);

    /// <summary>409 for a lifecycle action the current state does not allow, listing the allowed ones.</summary>
    public static Result<T> InvalidTransition<T>(string what, string state, string action, IReadOnlyList<string> allowed) =>
        Result<T>.Failure(new Error("transition.invalid",
            $"{what}当前状态“{state}”不允许执行“{action}”；允许的操作：{(allowed.Count == 0 ? "无" : string.Join("、", allowed))}",
            $"{what} in state '{state}' does not allow '{action}'; allowed: {(allowed.Count == 0 ? "none" : string.Join(", ", allowed))}",
            "action"), ErrorKind.Conflict);

    /// <summary>200 with the value, or the problem.</summary>
    public static IResult Ok<T>(Result<T> result) => result.IsSuccess ? Results.Ok(result.Value) : Problems.From(result);

    /// <summary>201 at <paramref name="location"/>, or the problem.</summary>
    public static IResult Created<T>(Result<T> result, Func<T, string> location) =>
        result.IsSuccess ? Results.Created(location(result.Value), result.Value) : Problems.From(result);
}
