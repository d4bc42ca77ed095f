using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.UseCases;

namespace Qilu.Workflow.Instances;

/// <summary>GET /api/workflow/instances/{id}: an instance with its timeline, tasks and child instances (supervision view).</summary>
internal static class GetInstance
{
    /// <summary>The instance and everything needed to follow it.</summary>
    internal sealed record Detail(InstanceView Instance, IReadOnlyList<HistoryItem> History, IReadOnlyList<TaskView> Tasks,
        IReadOnlyList<InstanceView> Children, IReadOnlyList<string> AllowedActions);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/instances/{id:guid}", EndpointAsync)
        .RequirePermission(WorkflowPermissions.InstancesRead)
        .WithName("GetWorkflowInstance").WithSummary("流程实例与时间线 / An instance and its timeline").Produces<Detail>();

    private static async Task<IResult> EndpointAsync(Guid id, HttpContext ctx, ActorAccessor actors, IWorkflowEngine engine) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, engine, ctx.RequestAborted));

    internal static async Task<Result<Detail>> HandleAsync(Actor actor, Guid id, IWorkflowEngine engine, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, WorkflowPermissions.InstancesRead) is { } denied) return Outcomes.Denied<Detail>(denied);
        var instance = await engine.GetInstanceAsync(id, ct);
        if (!instance.IsSuccess) return Result<Detail>.Failure(instance.Errors, instance.Kind);
        var tasks = await engine.ListTasksAsync(new TaskQuery { InstanceId = id, Take = 500 }, ct);
        var done = await engine.ListTasksAsync(new TaskQuery { InstanceId = id, State = WorkTaskState.Completed, Take = 500 }, ct);
        return new Detail(instance.Value, await engine.GetHistoryAsync(id, ct), [.. tasks, .. done], await engine.ListChildrenAsync(id, ct),
            (await engine.AllowedInstanceActionsAsync(id, actor, ct)).Value);
    }
}
