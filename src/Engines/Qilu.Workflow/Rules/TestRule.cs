using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Platform.Auth;
using Qilu.Rules;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.UseCases;

namespace Qilu.Workflow.Rules;

/// <summary>
/// POST /api/workflow/rules/test: the rule editor's test run. Parses the schema (<c>{"variables": [...]}</c>) and the
/// JsonLogic rule, validates the rule against the schema, and if both are sound evaluates it on the sample data with
/// the explanation tree (each clause, the values it saw, true/false). Problems are part of the answer (200), each
/// under its JSON path prefixed by where it is (<c>schema$.variables[1].type</c>, <c>rule$.and[0]</c>, <c>data</c>),
/// because a rule being written is expected to be wrong for a while. Nothing is stored.
/// </summary>
internal static class TestRule
{
    /// <summary>The schema and the rule as JSON text, the sample data as JSON text (an object), and the evaluation date.</summary>
    internal sealed record Request(string? Schema, string? Rule, string? Data, DateOnly? Today);

    /// <summary>One clause of the explanation.</summary>
    internal sealed record Clause(string Operator, string Path, string Rule, string? Variable, IReadOnlyList<JsonNode?> Inputs, JsonNode? Result, bool IsTrue,
        bool ShortCircuited, IReadOnlyList<Clause> Children);

    /// <summary>The verdict.</summary>
    internal sealed record Response(bool Valid, IReadOnlyList<Error> Errors, string? CanonicalRule, IReadOnlyList<string> Variables, JsonNode? Result, bool? IsTrue,
        Clause? Explanation, string? ExplanationText);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/rules/test", Endpoint)
        .RequirePermission(WorkflowPermissions.DefinitionsManage)
        .WithName("TestRule").WithSummary("规则试算与解释 / Test a rule with an explanation").Produces<Response>();

    private static IResult Endpoint(Request request, HttpContext ctx, ActorAccessor actors) =>
        Outcomes.Ok(Handle(actors.FromContext(ctx), request, ctx.Request.Query["lang"] != "en"));

    internal static Result<Response> Handle(Actor actor, Request request, bool chinese = true)
    {
        if (Outcomes.Lacks(actor, WorkflowPermissions.DefinitionsManage) is { } denied) return Outcomes.Denied<Response>(denied);
        var errors = new List<Error>();
        RuleSchema? schema = null;
        if (!string.IsNullOrWhiteSpace(request?.Schema))
        {
            var s = RuleSchema.Parse(request.Schema);
            if (s.IsSuccess) schema = s.Value;
            else errors.AddRange(s.Errors.Select(e => e with { Field = "schema" + (e.Field ?? "$") }));
        }
        var parsed = RuleDocument.Parse(request?.Rule ?? "");
        if (!parsed.IsSuccess) errors.AddRange(parsed.Errors.Select(e => e with { Field = "rule" + (e.Field ?? "$") }));
        else if (schema is not null) errors.AddRange(schema.Validate(parsed.Value).Select(e => e with { Field = "rule" + (e.Field ?? "$") }));
        JsonNode? data = null;
        try
        {
            data = string.IsNullOrWhiteSpace(request?.Data) ? new JsonObject() : JsonNode.Parse(request.Data);
        }
        catch (JsonException e)
        {
            errors.Add(new Error("rules.data.json", "样例数据不是有效的 JSON：" + e.Message, "The sample data is not valid JSON: " + e.Message, "data"));
        }
        if (!parsed.IsSuccess || errors.Count > 0)
            return new Response(false, errors, parsed.IsSuccess ? parsed.Value.ToJson() : null, parsed.IsSuccess ? parsed.Value.Variables : [], null, null, null, null);
        var context = new RuleContext(request!.Today);
        var why = RuleExplainer.Explain(parsed.Value, data, context);
        return new Response(true, [], parsed.Value.ToJson(), parsed.Value.Variables, why.Result?.DeepClone(), why.IsTrue, ToClause(why), why.ToText(chinese));
    }

    private static Clause ToClause(RuleExplanation e) => new(e.Operator, e.Path, e.Rule, e.Variable, [.. e.Inputs.Select(i => i?.DeepClone())], e.Result?.DeepClone(), e.IsTrue,
        e.ShortCircuited, [.. e.Children.Select(ToClause)]);
}
