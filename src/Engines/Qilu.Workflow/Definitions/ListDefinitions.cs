using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.UseCases;

namespace Qilu.Workflow.Definitions;

/// <summary>GET /api/workflow/definitions: the latest version of every definition, or every version of one key.</summary>
internal static class ListDefinitions
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/definitions", EndpointAsync)
        .RequirePermission(WorkflowPermissions.DefinitionsManage)
        .WithName("ListWorkflowDefinitions").WithSummary("流程定义列表 / List process definitions").Produces<IReadOnlyList<DefinitionSummary>>();

    private static async Task<IResult> EndpointAsync(string? key, HttpContext ctx, ActorAccessor actors, IWorkflowEngine engine) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), key, engine, ctx.RequestAborted));

    internal static async Task<Result<IReadOnlyList<DefinitionSummary>>> HandleAsync(Actor actor, string? key, IWorkflowEngine engine, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, WorkflowPermissions.DefinitionsManage) is { } denied) return Outcomes.Denied<IReadOnlyList<DefinitionSummary>>(denied);
        return Result<IReadOnlyList<DefinitionSummary>>.Success(await engine.ListDefinitionsAsync(key, ct));
    }
}
