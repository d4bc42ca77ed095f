using System.Globalization;
using System.Text.Json.Nodes;
using Qilu.Workflow.Contracts;

namespace Qilu.Workflow.Tests;

/// <summary>
/// A small JsonLogic subset (var, ==, !=, and, or, !, if, in, &gt;, &lt;, &gt;=, &lt;=, literals) standing in for the
/// Rules engine, which is wired by the host after both are merged.
/// </summary>
internal sealed class TestRuleEvaluator : IWorkflowRuleEvaluator
{
    public JsonNode? Evaluate(JsonNode rule, JsonObject variables) => Eval(rule, variables);

    private static JsonNode? Eval(JsonNode? rule, JsonObject data)
    {
        if (rule is JsonArray list) return new JsonArray([.. list.Select(x => Eval(x, data))]);
        if (rule is not JsonObject op || op.Count != 1) return rule?.DeepClone();
        var (name, raw) = op.First();
        var args = raw is JsonArray a ? [.. a] : new List<JsonNode?> { raw };
        JsonNode? Arg(int i) => i < args.Count ? Eval(args[i], data) : null;
        return name switch
        {
            "var" => Var(Arg(0), data) ?? Arg(1),
            "==" => JsonValue.Create(Same(Arg(0), Arg(1))),
            "!=" => JsonValue.Create(!Same(Arg(0), Arg(1))),
            "!" => JsonValue.Create(!Truthy(Arg(0))),
            "and" => args.Select(x => Eval(x, data)).FirstOrDefault(x => !Truthy(x), args.Count == 0 ? null : Eval(args[^1], data)),
            "or" => args.Select(x => Eval(x, data)).FirstOrDefault(Truthy, args.Count == 0 ? null : Eval(args[^1], data)),
            "if" => If(args, data),
            "in" => JsonValue.Create(Arg(1) switch
            {
                JsonArray arr => arr.Any(x => Same(x, Arg(0))),
                JsonValue s when s.TryGetValue<string>(out var str) => str.Contains(Arg(0)?.ToString() ?? "\0", StringComparison.Ordinal),
                _ => false,
            }),
            ">" => JsonValue.Create(Num(Arg(0)) > Num(Arg(1))),
            "<" => JsonValue.Create(Num(Arg(0)) < Num(Arg(1))),
            ">=" => JsonValue.Create(Num(Arg(0)) >= Num(Arg(1))),
            "<=" => JsonValue.Create(Num(Arg(0)) <= Num(Arg(1))),
            _ => throw new NotSupportedException($"Operator {name} is not in the test evaluator."),
        };
    }

    private static JsonNode? If(List<JsonNode?> args, JsonObject data)
    {
        for (var i = 0; i + 1 < args.Count; i += 2)
            if (Truthy(Eval(args[i], data))) return Eval(args[i + 1], data);
        return args.Count % 2 == 1 ? Eval(args[^1], data) : null;
    }

    private static JsonNode? Var(JsonNode? path, JsonObject data)
    {
        JsonNode? current = data;
        foreach (var part in (path?.ToString() ?? "").Split('.', StringSplitOptions.RemoveEmptyEntries))
            current = current switch
            {
                JsonObject o => o[part],
                JsonArray arr when int.TryParse(part, CultureInfo.InvariantCulture, out var i) && i < arr.Count => arr[i],
                _ => null,
            };
        return current?.DeepClone();
    }

    private static double Num(JsonNode? n) => n is JsonValue v && v.TryGetValue<double>(out var d) ? d
        : double.TryParse(n?.ToString(), CultureInfo.InvariantCulture, out var p) ? p : double.NaN;

    private static bool Same(JsonNode? a, JsonNode? b) => a is null || b is null ? a is null && b is null : JsonNode.DeepEquals(a, b)
        || (a is JsonValue && b is JsonValue && !double.IsNaN(Num(a)) && Num(a) == Num(b));

    private static bool Truthy(JsonNode? n) => n switch
    {
        null => false,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<double>(out var d) => d != 0,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length > 0,
        JsonArray arr => arr.Count > 0,
        _ => true,
    };
}
