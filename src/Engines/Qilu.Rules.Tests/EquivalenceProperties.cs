using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Qilu.Rules.Semantics;
using Shouldly;

namespace Qilu.Rules.Tests;

/// <summary>
/// The three evaluators agree: compiled == interpreted on random rules and data, and columnar == interpreted on every
/// row of random tables (the row seen as <see cref="EntityTable.RowToJson"/>).
/// </summary>
public sealed class EquivalenceProperties
{
    private static string Outcome(Func<object?> evaluate)
    {
        try
        {
            return TestJson.Canon(Js.ToNode(evaluate()));
        }
        catch (InvalidOperationException e)
        {
            return "error: " + e.Message;
        }
    }

    [Property(MaxTest = 3000)]
    public Property Compiled_WhenRandomRuleAndData_EqualsInterpreter() =>
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var gen = new RandomRules(seed);
            var rule = TestJson.Rule(gen.Rule(4) ?? System.Text.Json.Nodes.JsonValue.Create(0));
            var compiled = RuleCompiler.Compile(rule);
            for (var k = 0; k < 5; k++)
            {
                var data = Js.FromRoot(gen.LooseData());
                var context = k == 4 ? null : TestJson.Context;
                var expected = Outcome(() => RuleInterpreter.Eval(rule.Root, data, context));
                var actual = Outcome(() => compiled.EvaluateValue(data, context));
                if (actual != expected) return false.Label($"{rule.ToJson()}: compiled {actual} vs interpreted {expected}");
                if (!expected.StartsWith("error", StringComparison.Ordinal))
                {
                    var truth = Js.Truthy(RuleInterpreter.Eval(rule.Root, data, context));
                    if (compiled.IsTrueValue(data, context) != truth) return false.Label($"{rule.ToJson()}: IsTrue differs");
                }
            }
            return true.ToProperty();
        });

    [Property(MaxTest = 300)]
    public Property Explainer_WhenRandomRuleAndData_ResultEqualsInterpreter() =>
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var gen = new RandomRules(seed);
            var rule = TestJson.Rule(gen.Rule(3) ?? System.Text.Json.Nodes.JsonValue.Create(0));
            var data = gen.LooseData();
            var explanation = RuleExplainer.Explain(rule, data, TestJson.Context);
            return TestJson.Canon(explanation.Result) == TestJson.Canon(RuleInterpreter.Evaluate(rule, data, TestJson.Context))
                && explanation.ToText(chinese: true).Length > 0;
        });

    [Property(MaxTest = 150)]
    public Property RuleSet_WhenRandomRulesAndTable_EqualsInterpreterOnEveryRow() =>
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var gen = new RandomRules(seed);
            var rules = Enumerable.Range(0, 12).Select(i => TestJson.Rule(gen.Rule(3, batchFriendly: i % 4 != 0) ?? System.Text.Json.Nodes.JsonValue.Create(0))).ToList();
            var rows = Enumerable.Range(0, 150).Select(_ => (System.Text.Json.Nodes.JsonNode?)gen.Entity()).ToList();
            var table = EntityTable.FromJson(RandomRules.Schema, rows);
            var result = RuleSet.Compile(rules, RandomRules.Schema).EvaluateAll(table, TestJson.Context);
            for (var row = 0; row < table.RowCount; row++)
            {
                var data = Js.FromRoot(table.RowToJson(row));
                for (var i = 0; i < rules.Count; i++)
                {
                    var expected = Js.Truthy(RuleInterpreter.Eval(rules[i].Root, data, TestJson.Context));
                    if (result.IsTrue(i, row) != expected)
                        return false.Label($"{rules[i].ToJson()} ({result.Mode(i)}) row {row} {table.RowToJson(row).ToJsonString()}: batch {!expected}, interpreter {expected}");
                }
            }
            for (var i = 0; i < rules.Count; i++)
                if (result.Count(i) != result.Rows(i).Count()) return false.Label("count mismatch");
            return true.ToProperty();
        });

    [Fact]
    public void RuleSet_WhenRandomBatchFriendlyRules_PlansMostColumnar()
    {
        // Guards the property above against passing only because everything fell back to row-by-row evaluation.
        var gen = new RandomRules(20261129);
        var rules = Enumerable.Range(0, 400).Select(_ => TestJson.Rule(gen.Rule(3, batchFriendly: true) ?? System.Text.Json.Nodes.JsonValue.Create(0))).ToList();
        var set = RuleSet.Compile(rules, RandomRules.Schema);
        var columnar = Enumerable.Range(0, rules.Count).Count(i => set.Mode(i) == RuleEvaluationMode.Columnar);
        columnar.ShouldBeGreaterThan(rules.Count * 8 / 10);
    }
}
