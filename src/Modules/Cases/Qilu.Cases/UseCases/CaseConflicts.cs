using Qilu.SharedKernel.Results;

namespace Qilu.Cases.UseCases;

/// <summary>The case-action refusal: a 409 whose extra errors name the actions allowed now, so a client can offer them.</summary>
internal static class CaseConflicts
{
    /// <summary>A 409 whose extra errors (code <c>cases.allowed_action</c>, field = action) name what is allowed now.</summary>
    public static Result<T> NotAllowed<T>(string action, string whyZh, string whyEn, IEnumerable<string> allowed) =>
        Result<T>.Failure([new Error("cases.action_not_allowed", $"当前不能执行“{action}”：{whyZh}", $"'{action}' is not allowed now: {whyEn}", "action"),
            .. allowed.Select(a => new Error("cases.allowed_action", $"可执行：{a}", $"Allowed: {a}", a))], ErrorKind.Conflict);
}
