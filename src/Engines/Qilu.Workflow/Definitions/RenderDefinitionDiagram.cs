using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.UseCases;

namespace Qilu.Workflow.Definitions;

/// <summary>
/// The diagram of a definition as SVG (<see cref="DefinitionDiagram"/>): POST /api/workflow/definitions/diagram for a
/// document being edited (400 with the parse errors and their JSON paths when it cannot be read), and
/// GET /api/workflow/definitions/{key}/diagram?version= for a deployed version.
/// </summary>
internal static class RenderDefinitionDiagram
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/definitions/diagram", DraftEndpointAsync)
            .RequirePermission(WorkflowPermissions.DefinitionsManage)
            .WithName("RenderWorkflowDiagram").WithSummary("流程图预览（SVG） / Diagram preview (SVG)").Produces<string>(200, "image/svg+xml");
        api.MapGet("/definitions/{key}/diagram", DeployedEndpointAsync)
            .RequirePermission(WorkflowPermissions.DefinitionsManage)
            .WithName("GetWorkflowDiagram").WithSummary("已部署版本的流程图（SVG） / Diagram of a deployed version").Produces<string>(200, "image/svg+xml");
    }

    private static async Task<IResult> DraftEndpointAsync(HttpContext ctx, ActorAccessor actors)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        return Svg(Handle(actors.FromContext(ctx), await reader.ReadToEndAsync(ctx.RequestAborted), English(ctx)));
    }

    private static async Task<IResult> DeployedEndpointAsync(string key, int? version, HttpContext ctx, ActorAccessor actors, IWorkflowEngine engine)
    {
        var actor = actors.FromContext(ctx);
        var found = await GetDefinition.HandleAsync(actor, key, version, engine, ctx.RequestAborted);
        return Svg(found.IsSuccess ? Handle(actor, found.Value.Json ?? "", English(ctx)) : Result<string>.Failure(found.Errors, found.Kind));
    }

    internal static Result<string> Handle(Actor actor, string json, bool english = false)
    {
        if (Outcomes.Lacks(actor, WorkflowPermissions.DefinitionsManage) is { } denied) return Outcomes.Denied<string>(denied);
        var parsed = DefinitionParser.Parse(json ?? "");
        return parsed.IsSuccess ? DefinitionDiagram.ToSvg(parsed.Value, !english) : Result<string>.Failure(parsed.Errors);
    }

    private static bool English(HttpContext ctx) => ctx.Request.Query["lang"] == "en";

    private static IResult Svg(Result<string> svg) => svg.IsSuccess ? Results.Text(svg.Value, "image/svg+xml; charset=utf-8") : Problems.From(svg);
}
