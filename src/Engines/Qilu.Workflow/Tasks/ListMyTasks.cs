using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Workflow.Contracts;

namespace Qilu.Workflow.Tasks;

/// <summary>
/// GET /api/workflow/tasks: the signed-in official's 待办: tasks claimed by or delegated to them, and open tasks of their
/// division for each role they hold; <c>escalated=true</c> lists tasks escalated to their division (督办).
/// </summary>
internal static class ListMyTasks
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/tasks", EndpointAsync)
        .RequireAuthorization()
        .WithName("ListMyWorkflowTasks").WithSummary("我的待办 / My tasks").Produces<IReadOnlyList<TaskView>>();

    private static async Task<IResult> EndpointAsync(bool? escalated, HttpContext ctx, ActorAccessor actors, IWorkflowEngine engine) =>
        Results.Ok((await HandleAsync(actors.FromContext(ctx), escalated ?? false, engine, ctx.RequestAborted)).Value);

    internal static async Task<Result<IReadOnlyList<TaskView>>> HandleAsync(Actor actor, bool escalated, IWorkflowEngine engine, CancellationToken ct)
    {
        if (actor.Kind != ActorKind.Official || actor.DivisionCode is null) return Result<IReadOnlyList<TaskView>>.Success([]);
        if (escalated) return Result<IReadOnlyList<TaskView>>.Success(await engine.ListTasksAsync(new TaskQuery { EscalatedToDivision = actor.DivisionCode }, ct));
        var list = new List<TaskView>(await engine.ListTasksAsync(new TaskQuery { Assignee = actor.SubjectId }, ct));
        foreach (var role in actor.Roles)
            list.AddRange(await engine.ListTasksAsync(new TaskQuery { DivisionCode = actor.DivisionCode, Role = role, State = WorkTaskState.Open }, ct));
        return Result<IReadOnlyList<TaskView>>.Success([.. list.DistinctBy(t => t.Id).OrderBy(t => t.DueAt ?? DateTimeOffset.MaxValue)]);
    }
}
