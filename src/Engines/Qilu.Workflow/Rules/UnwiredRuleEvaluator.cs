using System.Text.Json.Nodes;
using Qilu.Workflow.Contracts;

namespace Qilu.Workflow.Rules;

/// <summary>
/// Registered only when no rules engine is: a definition whose conditions or assignments are rules then fails loudly
/// rather than routing a case by guesswork. Literal assignments and outcome-based flows need no evaluator.
/// </summary>
internal sealed class UnwiredRuleEvaluator : IWorkflowRuleEvaluator
{
    public JsonNode? Evaluate(JsonNode rule, JsonObject variables) =>
        throw new InvalidOperationException(
            "The rules engine is not wired: register an IWorkflowRuleEvaluator (Qilu.Rules) to evaluate workflow conditions and assignments.");
}
