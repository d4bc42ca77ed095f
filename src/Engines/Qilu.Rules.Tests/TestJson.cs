using System.Text.Json.Nodes;
using Qilu.Rules.Semantics;

namespace Qilu.Rules.Tests;

/// <summary>Helpers shared by the tests: parsing, canonical comparison text, the fixed context.</summary>
internal static class TestJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly RuleContext Context = new(new DateOnly(2026, 11, 29));

    public static RuleDocument Rule(string json)
    {
        var r = RuleDocument.Parse(json);
        if (!r.IsSuccess) throw new InvalidOperationException("Bad test rule: " + r);
        return r.Value;
    }

    public static RuleDocument Rule(JsonNode? json)
    {
        var r = RuleDocument.FromNode(json);
        if (!r.IsSuccess) throw new InvalidOperationException("Bad test rule: " + r);
        return r.Value;
    }

    public static JsonNode? Data(string json) => JsonNode.Parse(json);

    /// <summary>Canonical text of a JSON value (numbers through double, as the engine produces them).</summary>
    public static string Canon(JsonNode? node) => Js.ToNode(Js.FromNode(node))?.ToJsonString(Relaxed) ?? "null";

    public static string Interpret(string rule, string data) => Canon(RuleInterpreter.Evaluate(Rule(rule), Data(data), Context));

    public static string Compiled(string rule, string data) => Canon(RuleCompiler.Compile(Rule(rule)).Evaluate(Data(data), Context));
}
