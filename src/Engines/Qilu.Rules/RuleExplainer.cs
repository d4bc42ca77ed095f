using System.Text.Json.Nodes;
using Qilu.Rules.Semantics;
using Qilu.Rules.Syntax;

namespace Qilu.Rules;

/// <summary>
/// Evaluates a rule and records each clause it evaluated: for a decision letter ("年龄 17 &lt; 18"), an official's
/// review screen, or an audit record. Results are the interpreter's; <c>and</c>/<c>or</c>/<c>if</c> show only the
/// arguments that were evaluated; per-element logic of <c>map</c>/<c>filter</c>/<c>all</c>… is summarised by its result.
/// </summary>
public static class RuleExplainer
{
    /// <summary>Explains <paramref name="rule"/> over <paramref name="data"/>.</summary>
    public static RuleExplanation Explain(RuleDocument rule, JsonNode? data, RuleContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Explain(rule.Root, Js.FromRoot(data), context);
    }

    private static RuleExplanation Explain(RuleNode node, object? data, RuleContext? ctx)
    {
        var value = RuleInterpreter.Eval(node, data, ctx);
        var result = Js.ToNode(value);
        var truth = Js.Truthy(value);
        switch (node)
        {
            case LiteralNode:
                return new RuleExplanation("literal", node.Path, node.Key, null, [], result, truth, [], false);
            case ArrayNode arr:
                {
                    var (inputs, children) = Args(arr.Items, data, ctx);
                    return new RuleExplanation("array", node.Path, node.Key, null, inputs, result, truth, children, false);
                }
        }
        var op = (OpNode)node;
        var a = op.Args;
        var shown = new List<RuleNode>();
        var shortCircuit = false;
        switch (op.Op)
        {
            case "var":
                if (op.TryGetLiteralVarPath(out var path))
                {
                    var (varInputs, varChildren) = Args(a.Skip(1).ToList(), data, ctx);
                    return new RuleExplanation("var", node.Path, node.Key, path, varInputs, result, truth, varChildren, false);
                }
                shown.AddRange(a);
                break;
            case "and":
            case "or":
                for (var i = 0; i < a.Length; i++)
                {
                    shown.Add(a[i]);
                    if (Js.Truthy(RuleInterpreter.Eval(a[i], data, ctx)) == (op.Op == "or"))
                    {
                        shortCircuit = i < a.Length - 1;
                        break;
                    }
                }
                break;
            case "if":
            case "?:":
                {
                    int i;
                    var chosen = false;
                    for (i = 0; i + 1 < a.Length; i += 2)
                    {
                        shown.Add(a[i]);
                        if (Js.Truthy(RuleInterpreter.Eval(a[i], data, ctx)))
                        {
                            shown.Add(a[i + 1]);
                            chosen = true;
                            break;
                        }
                    }
                    if (!chosen && i < a.Length) shown.Add(a[i]);
                    shortCircuit = shown.Count < a.Length;
                    break;
                }
            case "map":
            case "filter":
            case "all":
            case "none":
            case "some":
                shown.Add(a[0]);
                break;
            case "reduce":
                shown.Add(a[0]);
                if (a.Length > 2) shown.Add(a[2]);
                break;
            default:
                shown.AddRange(a);
                break;
        }
        var (ins, kids) = Args(shown, data, ctx);
        return new RuleExplanation(op.Op, node.Path, node.Key, null, ins, result, truth, kids, shortCircuit);
    }

    private static (IReadOnlyList<JsonNode?> Inputs, IReadOnlyList<RuleExplanation> Children) Args(
        IReadOnlyList<RuleNode> args, object? data, RuleContext? ctx)
    {
        var inputs = new List<JsonNode?>();
        var children = new List<RuleExplanation>();
        foreach (var arg in args)
        {
            if (arg is LiteralNode lit)
            {
                inputs.Add(Js.ToNode(lit.Value));
                continue;
            }
            var child = Explain(arg, data, ctx);
            inputs.Add(child.Result?.DeepClone());
            children.Add(child);
        }
        return (inputs, children);
    }
}
