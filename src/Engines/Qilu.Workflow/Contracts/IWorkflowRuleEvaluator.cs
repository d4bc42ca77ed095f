using System.Text.Json.Nodes;

namespace Qilu.Workflow.Contracts;

/// <summary>
/// The seam to the rules engine: evaluates a JsonLogic rule document (a gateway condition, an assignment) against an
/// instance's variables. The workflow engine never interprets rules itself; the host registers the Rules engine's
/// implementation. A rule that is a plain JSON literal (string, number, boolean) never reaches the evaluator.
/// </summary>
public interface IWorkflowRuleEvaluator
{
    /// <summary>The rule's value for the variables (null when the rule yields null).</summary>
    JsonNode? Evaluate(JsonNode rule, JsonObject variables);
}
