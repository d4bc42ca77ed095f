using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Platform.Auth;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.UseCases;

namespace Qilu.Workflow.Tasks;

/// <summary>POST /api/workflow/tasks/{id}/complete: 办理 with an outcome; two officials at once: one wins, the other gets 409.</summary>
internal static class CompleteTask
{
    /// <summary>The decision, variables to merge, opinion, and the task version acted on.</summary>
    internal sealed record Request(string? Outcome, JsonObject? Variables, string? Comment, uint? ExpectedVersion);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/tasks/{id:guid}/complete", EndpointAsync)
        .RequireAuthorization()
        .WithName("CompleteWorkflowTask").WithSummary("办理 / Complete a task").Produces<TaskView>();

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, IWorkflowEngine engine) =>
        Outcomes.Ok(await engine.CompleteAsync(id, new TaskCompletion(request.Outcome, request.Variables, request.Comment), actors.FromContext(ctx),
            request.ExpectedVersion, ctx.RequestAborted));
}
