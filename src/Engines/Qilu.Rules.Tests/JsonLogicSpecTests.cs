using System.Text.Json.Nodes;
using Qilu.Rules.Semantics;
using Shouldly;

namespace Qilu.Rules.Tests;

/// <summary>
/// The JsonLogic operator behaviours (Cases/jsonlogic-spec.json: the jsonlogic.com operations, json-logic-js's
/// coercions, plus Qilu's date operators), checked on all three evaluators.
/// </summary>
public sealed class JsonLogicSpecTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        var all = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cases", "jsonlogic-spec.json")))!.AsArray();
        foreach (var item in all.OfType<JsonArray>())
            data.Add(item[0]!.ToJsonString(TestJson.Relaxed), item[1]?.ToJsonString(TestJson.Relaxed) ?? "null", TestJson.Canon(item[2]));
        return data;
    }

    [Fact]
    public void Cases_WhenLoaded_CoverEveryOperator()
    {
        var ops = Cases().Select(c => c.Data.Item1).SelectMany(r => Syntax.Operators.All.Keys.Where(k => r.Contains($"\"{k}\"", StringComparison.Ordinal))).ToHashSet();
        ops.ShouldBe(Syntax.Operators.All.Keys, ignoreOrder: true);
        Cases().Count.ShouldBeGreaterThan(300);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Interpreter_WhenGivenSpecCase_ReturnsExpected(string rule, string data, string expected) =>
        TestJson.Interpret(rule, data).ShouldBe(expected);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compiled_WhenGivenSpecCase_ReturnsExpectedValueAndTruthiness(string rule, string data, string expected)
    {
        var compiled = RuleCompiler.Compile(TestJson.Rule(rule));
        TestJson.Canon(compiled.Evaluate(TestJson.Data(data), TestJson.Context)).ShouldBe(expected);
        var truth = Js.Truthy(RuleInterpreter.Eval(compiled.Document.Root, Js.FromRoot(TestJson.Data(data)), TestJson.Context));
        compiled.IsTrue(TestJson.Data(data), TestJson.Context).ShouldBe(truth);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Explainer_WhenGivenSpecCase_ReportsTheSameResult(string rule, string data, string expected) =>
        TestJson.Canon(RuleExplainer.Explain(TestJson.Rule(rule), TestJson.Data(data), TestJson.Context).Result).ShouldBe(expected);
}
