using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Platform.Auth;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.UseCases;

namespace Qilu.Workflow.Tasks;

/// <summary>POST /api/workflow/tasks/{id}/claim?expectedVersion=: 签收. 409 with <c>allowedActions</c> when not allowed now.</summary>
internal static class ClaimTask
{
    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/tasks/{id:guid}/claim", EndpointAsync)
        .RequireAuthorization()
        .WithName("ClaimWorkflowTask").WithSummary("签收 / Claim a task").Produces<TaskView>();

    private static async Task<IResult> EndpointAsync(Guid id, uint? expectedVersion, HttpContext ctx, ActorAccessor actors, IWorkflowEngine engine) =>
        Outcomes.Ok(await engine.ClaimAsync(id, actors.FromContext(ctx), expectedVersion, ctx.RequestAborted));
}
