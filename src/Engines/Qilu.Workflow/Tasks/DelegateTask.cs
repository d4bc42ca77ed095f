using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Platform.Auth;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.UseCases;

namespace Qilu.Workflow.Tasks;

/// <summary>POST /api/workflow/tasks/{id}/delegate: 转办 to another official.</summary>
internal static class DelegateTask
{
    /// <summary>Whom to hand the task to, and the version acted on.</summary>
    internal sealed record Request(string ToUserId, uint? ExpectedVersion);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/tasks/{id:guid}/delegate", EndpointAsync)
        .RequireAuthorization()
        .WithName("DelegateWorkflowTask").WithSummary("转办 / Delegate a task").Produces<TaskView>();

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, IWorkflowEngine engine) =>
        Outcomes.Ok(await engine.DelegateAsync(id, request.ToUserId, actors.FromContext(ctx), request.ExpectedVersion, ctx.RequestAborted));
}
