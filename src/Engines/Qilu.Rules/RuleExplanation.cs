using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qilu.Rules;

/// <summary>
/// Why a rule gave its result: one node per evaluated clause with the operator, the values it saw and its result.
/// Serialisable with System.Text.Json as it is, or through <see cref="ToNode"/>; readable through <see cref="ToText"/>.
/// </summary>
public sealed class RuleExplanation
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal RuleExplanation(string op, string path, string rule, string? variable, IReadOnlyList<JsonNode?> inputs,
        JsonNode? result, bool isTrue, IReadOnlyList<RuleExplanation> children, bool shortCircuited)
    {
        Operator = op;
        Path = path;
        Rule = rule;
        Variable = variable;
        Inputs = inputs;
        Result = result;
        IsTrue = isTrue;
        Children = children;
        ShortCircuited = shortCircuited;
    }

    /// <summary>The operator (<c>and</c>, <c>&gt;=</c>, <c>var</c>…), or <c>literal</c> / <c>array</c>.</summary>
    public string Operator { get; }

    /// <summary>JSON path of the clause in the rule document, e.g. <c>$.and[1]</c>.</summary>
    public string Path { get; }

    /// <summary>The clause itself as compact JSON.</summary>
    public string Rule { get; }

    /// <summary>For <c>var</c>: the data path read.</summary>
    public string? Variable { get; }

    /// <summary>The values of the arguments that were evaluated, in order (what the operator saw).</summary>
    public IReadOnlyList<JsonNode?> Inputs { get; }

    /// <summary>The clause's value.</summary>
    public JsonNode? Result { get; }

    /// <summary>The clause's truthiness in JsonLogic's sense.</summary>
    public bool IsTrue { get; }

    /// <summary>Explanations of the evaluated non-literal arguments.</summary>
    public IReadOnlyList<RuleExplanation> Children { get; }

    /// <summary>True when <c>and</c>/<c>or</c>/<c>if</c> stopped early and later arguments were not evaluated.</summary>
    public bool ShortCircuited { get; }

    /// <summary>The explanation as a JSON object (<c>op, path, rule, variable, inputs, result, true, children</c>).</summary>
    public JsonObject ToNode()
    {
        var node = new JsonObject
        {
            ["op"] = Operator,
            ["path"] = Path,
            ["rule"] = Rule,
        };
        if (Variable is not null) node["variable"] = Variable;
        node["inputs"] = new JsonArray([.. Inputs.Select(i => i?.DeepClone())]);
        node["result"] = Result?.DeepClone();
        node["true"] = IsTrue;
        if (ShortCircuited) node["shortCircuited"] = true;
        node["children"] = new JsonArray([.. Children.Select(c => (JsonNode)c.ToNode())]);
        return node;
    }

    /// <summary>Compact JSON of <see cref="ToNode"/>.</summary>
    public string ToJson() => ToNode().ToJsonString(Relaxed);

    /// <summary>An indented tree, one clause per line: ✓/✗, the clause, the values it saw and its result.</summary>
    public string ToText(bool chinese)
    {
        var sb = new StringBuilder();
        sb.Append(chinese ? "结果：" : "Result: ").Append(Show(Result))
            .Append(chinese ? (IsTrue ? "（成立）" : "（不成立）") : (IsTrue ? " (holds)" : " (does not hold)")).Append('\n');
        Write(sb, this, 0, chinese);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, RuleExplanation e, int depth, bool zh)
    {
        sb.Append(' ', depth * 2).Append(e.IsTrue ? "✓ " : "✗ ");
        switch (e.Operator)
        {
            case "var" when e.Variable is not null:
                sb.Append(zh ? "变量 " : "variable ").Append(e.Variable).Append(" = ").Append(Show(e.Result));
                break;
            case "literal":
                sb.Append(zh ? "常量 " : "literal ").Append(Show(e.Result));
                break;
            default:
                sb.Append(e.Operator).Append(' ').Append('(').AppendJoin(", ", e.Inputs.Select(Show)).Append(") → ").Append(Show(e.Result));
                break;
        }
        if (e.ShortCircuited) sb.Append(zh ? "  （短路：其余参数未求值）" : "  (short-circuit: remaining arguments not evaluated)");
        sb.Append('\n');
        foreach (var child in e.Children) Write(sb, child, depth + 1, zh);
    }

    private static string Show(JsonNode? value) => value is null ? "null" : value.ToJsonString(Relaxed);
}
