using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Qilu.Rules;
using Qilu.Workflow.Contracts;

namespace Qilu.Workflow.Rules;

/// <summary>
/// Evaluates workflow conditions and assignments with the Rules engine (<see cref="RuleCompiler"/>). Each distinct
/// rule text is parsed and compiled once; definitions are validated on deploy, so a parse failure here means a
/// definition stored before validation existed and is reported as such.
/// </summary>
internal sealed class JsonLogicRuleEvaluator(TimeProvider clock) : IWorkflowRuleEvaluator
{
    private const int MaxCached = 10_000;
    private readonly ConcurrentDictionary<string, CompiledRule> _compiled = new(StringComparer.Ordinal);

    public JsonNode? Evaluate(JsonNode rule, JsonObject variables)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var text = rule.ToJsonString();
        if (!_compiled.TryGetValue(text, out var compiled))
        {
            var parsed = RuleDocument.FromNode(rule);
            if (!parsed.IsSuccess)
                throw new InvalidOperationException($"Workflow rule {text} is not a valid rule document: {parsed.Errors[0].MessageEn} at {parsed.Errors[0].Field}");
            compiled = RuleCompiler.Compile(parsed.Value);
            // Definitions are few and versioned; the cap only guards against a pathological stream of ad-hoc rules.
            if (_compiled.Count < MaxCached) _compiled.TryAdd(text, compiled);
        }
        return compiled.Evaluate(variables, RuleContext.At(clock));
    }
}
