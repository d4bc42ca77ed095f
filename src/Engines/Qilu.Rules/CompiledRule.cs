using System.Text.Json.Nodes;
using Qilu.Rules.Semantics;

namespace Qilu.Rules;

/// <summary>Evaluates to a runtime value (see <see cref="Js"/> for the value model).</summary>
internal delegate object? ValueEvaluator(object? data, RuleContext? context);

/// <summary>Evaluates to JsonLogic truthiness without boxing.</summary>
internal delegate bool TruthEvaluator(object? data, RuleContext? context);

/// <summary>
/// A rule compiled to a tree of closures by <see cref="RuleCompiler"/>: no rule-tree walk and no operator dispatch at
/// evaluation time. Thread-safe and reusable; compile once per rule version and cache.
/// </summary>
public sealed class CompiledRule
{
    private readonly ValueEvaluator _value;
    private readonly TruthEvaluator _truth;

    internal CompiledRule(RuleDocument document, ValueEvaluator value, TruthEvaluator truth)
    {
        Document = document;
        _value = value;
        _truth = truth;
    }

    /// <summary>The rule this was compiled from.</summary>
    public RuleDocument Document { get; }

    /// <summary>The rule's value for <paramref name="data"/> (equal to <see cref="RuleInterpreter.Evaluate"/>).</summary>
    public JsonNode? Evaluate(JsonNode? data, RuleContext? context = null) => Js.ToNode(_value(Js.FromRoot(data), context));

    /// <summary>Whether the rule's value is truthy in JsonLogic's sense (false, null, 0, NaN, "" and [] are falsy).</summary>
    public bool IsTrue(JsonNode? data, RuleContext? context = null) => _truth(Js.FromRoot(data), context);

    internal object? EvaluateValue(object? data, RuleContext? context) => _value(data, context);

    internal bool IsTrueValue(object? data, RuleContext? context) => _truth(data, context);
}
