using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Qilu.Rules;

namespace Qilu.Cases.Forms;

/// <summary>Evaluates the catalog's JsonLogic rules (visibility, computed values, applicability, routing), compiled once per text.</summary>
internal static class CaseRules
{
    private static readonly ConcurrentDictionary<string, CompiledRule?> Compiled = new(StringComparer.Ordinal);

    private static CompiledRule? Compile(string json) => Compiled.GetOrAdd(json, j =>
    {
        var doc = RuleDocument.Parse(j);
        return doc.IsSuccess ? RuleCompiler.Compile(doc.Value) : null;
    });

    /// <summary>Truthiness of the rule on the data; an unparsable rule counts as true so that nothing is silently hidden.</summary>
    public static bool IsTrue(string? rule, JsonNode data) => string.IsNullOrWhiteSpace(rule) || (Compile(rule)?.IsTrue(data) ?? true);

    /// <summary>The rule's value, or null when it cannot be parsed.</summary>
    public static JsonNode? Evaluate(string rule, JsonNode data) => Compile(rule)?.Evaluate(data);
}
