using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.UseCases;

namespace Qilu.Workflow.Definitions;

/// <summary>POST /api/workflow/definitions/validate: checks a document without deploying it; 400 lists every error with its JSON path.</summary>
internal static class ValidateDefinition
{
    /// <summary>Answer of a valid document.</summary>
    internal sealed record Valid(bool IsValid, string Key);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/definitions/validate", EndpointAsync)
        .RequirePermission(WorkflowPermissions.DefinitionsManage)
        .WithName("ValidateWorkflowDefinition").WithSummary("校验流程定义 / Validate a process definition").Produces<Valid>();

    private static async Task<IResult> EndpointAsync(HttpContext ctx, ActorAccessor actors, IWorkflowEngine engine)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        var json = await reader.ReadToEndAsync(ctx.RequestAborted);
        return Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), json, engine, ctx.RequestAborted));
    }

    internal static async Task<Result<Valid>> HandleAsync(Actor actor, string json, IWorkflowEngine engine, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, WorkflowPermissions.DefinitionsManage) is { } denied) return Outcomes.Denied<Valid>(denied);
        var errors = await engine.ValidateAsync(json, ct);
        if (errors.Count > 0) return Result<Valid>.Failure(errors);
        return new Valid(true, DefinitionParser.Parse(json).Value.Key);
    }
}
