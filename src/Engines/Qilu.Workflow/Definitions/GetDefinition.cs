using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.UseCases;

namespace Qilu.Workflow.Definitions;

/// <summary>GET /api/workflow/definitions/{key}?version=: one version with its document (latest by default).</summary>
internal static class GetDefinition
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/definitions/{key}", EndpointAsync)
        .RequirePermission(WorkflowPermissions.DefinitionsManage)
        .WithName("GetWorkflowDefinition").WithSummary("流程定义 / Get a process definition").Produces<DefinitionSummary>();

    private static async Task<IResult> EndpointAsync(string key, int? version, HttpContext ctx, ActorAccessor actors, IWorkflowEngine engine) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), key, version, engine, ctx.RequestAborted));

    internal static async Task<Result<DefinitionSummary>> HandleAsync(Actor actor, string key, int? version, IWorkflowEngine engine, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, WorkflowPermissions.DefinitionsManage) is { } denied) return Outcomes.Denied<DefinitionSummary>(denied);
        var versions = await engine.ListDefinitionsAsync(key, ct);
        var found = version is { } v ? versions.FirstOrDefault(d => d.Version == v) : versions.Count > 0 ? versions[0] : null;
        return found is null
            ? Result<DefinitionSummary>.Failure(new Error("not_found", "流程定义不存在", "No such process definition"), ErrorKind.NotFound)
            : found;
    }
}
