using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.UseCases;

namespace Qilu.Workflow.Definitions;

/// <summary>
/// POST /api/workflow/definitions: deploys the document as the next version of its key. Running instances stay on
/// the version they started with; new starts take the new one.
/// </summary>
internal static class DeployDefinition
{
    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/definitions", EndpointAsync)
        .RequirePermission(WorkflowPermissions.DefinitionsManage)
        .WithName("DeployWorkflowDefinition").WithSummary("部署流程定义新版本 / Deploy a new definition version").Produces<DefinitionSummary>();

    private static async Task<IResult> EndpointAsync(HttpContext ctx, ActorAccessor actors, IWorkflowEngine engine)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        var json = await reader.ReadToEndAsync(ctx.RequestAborted);
        return Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), json, engine, ctx.RequestAborted));
    }

    internal static async Task<Result<DefinitionSummary>> HandleAsync(Actor actor, string json, IWorkflowEngine engine, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, WorkflowPermissions.DefinitionsManage) is { } denied) return Outcomes.Denied<DefinitionSummary>(denied);
        return await engine.DeployAsync(json, actor, ct);
    }
}
