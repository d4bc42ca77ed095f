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
/// the version they started with; new starts take the new one. With <c>?expectedVersion=n</c> (the version the editor
/// started from; 0 for a new key) the deployment is refused with 409 when someone deployed another version meanwhile.
/// </summary>
internal static class DeployDefinition
{
    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/definitions", EndpointAsync)
        .RequirePermission(WorkflowPermissions.DefinitionsManage)
        .WithName("DeployWorkflowDefinition").WithSummary("部署流程定义新版本 / Deploy a new definition version").Produces<DefinitionSummary>();

    private static async Task<IResult> EndpointAsync(int? expectedVersion, HttpContext ctx, ActorAccessor actors, IWorkflowEngine engine)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        var json = await reader.ReadToEndAsync(ctx.RequestAborted);
        return Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), json, engine, ctx.RequestAborted, expectedVersion));
    }

    internal static async Task<Result<DefinitionSummary>> HandleAsync(Actor actor, string json, IWorkflowEngine engine, CancellationToken ct, int? expectedVersion = null)
    {
        if (Outcomes.Lacks(actor, WorkflowPermissions.DefinitionsManage) is { } denied) return Outcomes.Denied<DefinitionSummary>(denied);
        if (expectedVersion is { } expected && DefinitionParser.Parse(json ?? "") is { IsSuccess: true } parsed)
        {
            var versions = await engine.ListDefinitionsAsync(parsed.Value.Key, ct);
            var latest = versions.Count > 0 ? versions[0].Version : 0;
            if (latest != expected)
                return Result<DefinitionSummary>.Failure(new Error("workflow.definition_stale",
                    $"流程“{parsed.Value.Key}”已有更新的版本 v{latest}（您基于 v{expected} 编辑），请载入最新版本后再部署",
                    $"'{parsed.Value.Key}' has a newer version v{latest} (you edited v{expected}); load the latest and deploy again", "expectedVersion"), ErrorKind.Conflict);
        }
        return await engine.DeployAsync(json ?? "", actor, ct);
    }
}
