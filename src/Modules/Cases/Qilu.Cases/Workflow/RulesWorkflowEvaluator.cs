using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Qilu.Rules;
using Qilu.Workflow.Contracts;

namespace Qilu.Cases.Workflow;

/// <summary>
/// The workflow engine's rule seam served by the Rules engine: each distinct rule is parsed and compiled once and
/// cached. Registered by the Cases module because its processes route tasks by rules on the case variables.
/// </summary>
internal sealed class RulesWorkflowEvaluator : IWorkflowRuleEvaluator
{
    private readonly ConcurrentDictionary<string, CompiledRule> _compiled = new(StringComparer.Ordinal);

    public JsonNode? Evaluate(JsonNode rule, JsonObject variables)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var compiled = _compiled.GetOrAdd(rule.ToJsonString(), json =>
        {
            var doc = RuleDocument.Parse(json);
            if (!doc.IsSuccess) throw new InvalidOperationException($"Invalid rule {json}: {string.Join("; ", doc.Errors)}");
            return RuleCompiler.Compile(doc.Value);
        });
        return compiled.Evaluate(variables);
    }
}
