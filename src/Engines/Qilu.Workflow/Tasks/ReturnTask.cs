using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Platform.Auth;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.UseCases;

namespace Qilu.Workflow.Tasks;

/// <summary>POST /api/workflow/tasks/{id}/return: 退回 to the previous step.</summary>
internal static class ReturnTask
{
    /// <summary>Why, and the task version acted on.</summary>
    internal sealed record Request(string Reason, uint? ExpectedVersion);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/tasks/{id:guid}/return", EndpointAsync)
        .RequireAuthorization()
        .WithName("ReturnWorkflowTask").WithSummary("退回 / Return a task").Produces<TaskView>();

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, IWorkflowEngine engine) =>
        Outcomes.Ok(await engine.ReturnAsync(id, request.Reason, actors.FromContext(ctx), request.ExpectedVersion, ctx.RequestAborted));
}
