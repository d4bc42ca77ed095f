using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Workflow.Contracts;

namespace Qilu.Workflow.UseCases;

/// <summary>Result helpers of the engine's use cases (HTTP endpoints and pages call the same cores).</summary>
internal static class Outcomes
{
    /// <summary>Null when the actor holds <paramref name="permission"/>, else the 403 error.</summary>
    public static Error? Lacks(Actor actor, string permission) => actor.Has(permission) ? null
        : new Error("permission.missing", $"您没有此操作的权限（{permission}）", $"You lack the permission {permission}");

    public static Result<T> Denied<T>(Error error) => Result<T>.Failure(error, ErrorKind.Forbidden);

    /// <summary>
    /// 200 with the value, or problem details. A 409 from the engine also carries <c>allowedActions</c>, the actions
    /// the current state allows, so a client can offer them instead of the refused one.
    /// </summary>
    public static IResult Ok<T>(Result<T> result)
    {
        if (result.IsSuccess) return Results.Ok(result.Value);
        if (result.Kind != ErrorKind.Conflict) return Problems.From(result);
        var first = result.Errors[0];
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Type = $"https://qilu.gov.cn/problems/{first.Code}",
            Title = "状态冲突 / Conflict",
            Detail = first.Message,
        };
        problem.Extensions["errors"] = result.Errors.Select(e => new ProblemError(e.Field, e.Code, e.Message, e.MessageEn)).ToArray();
        problem.Extensions["allowedActions"] = result.Errors.Where(e => e.Code == WorkflowActions.AllowedCode).Select(e => e.Field).ToArray();
        return Results.Problem(problem);
    }
}
