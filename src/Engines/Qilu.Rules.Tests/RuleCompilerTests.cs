using System.Text.Json.Nodes;
using Shouldly;

namespace Qilu.Rules.Tests;

public sealed class RuleCompilerTests
{
    [Fact]
    public void Evaluate_WhenTodayUsedWithoutContext_ThrowsClearError()
    {
        var compiled = RuleCompiler.Compile(TestJson.Rule("""{"age": [{"var": "birth"}]}"""));
        Should.Throw<InvalidOperationException>(() => compiled.Evaluate(JsonNode.Parse("""{"birth": "2000-01-01"}""")))
            .Message.ShouldContain("RuleContext");
        Should.Throw<InvalidOperationException>(() => RuleInterpreter.Evaluate(TestJson.Rule("""{"today": []}"""), null));
    }

    [Fact]
    public void RuleContext_WhenBuiltFromTimeProvider_UsesChinaStandardDate()
    {
        var time = new FixedTime(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero));
        RuleContext.At(time).Today.ShouldBe(new DateOnly(2027, 1, 1));
    }

    [Fact]
    public void IsTrue_WhenInListHasNumbersAndStrings_UsesStrictEquality()
    {
        var compiled = RuleCompiler.Compile(TestJson.Rule("""{"in": [{"var": "x"}, [1, "2", null, true, 0]]}"""));
        compiled.IsTrue(JsonNode.Parse("""{"x": 1}""")).ShouldBeTrue();
        compiled.IsTrue(JsonNode.Parse("""{"x": "1"}""")).ShouldBeFalse();
        compiled.IsTrue(JsonNode.Parse("""{"x": 2}""")).ShouldBeFalse();
        compiled.IsTrue(JsonNode.Parse("""{"x": "2"}""")).ShouldBeTrue();
        compiled.IsTrue(JsonNode.Parse("""{}""")).ShouldBeTrue();
        compiled.IsTrue(JsonNode.Parse("""{"x": true}""")).ShouldBeTrue();
        compiled.IsTrue(JsonNode.Parse("""{"x": false}""")).ShouldBeFalse();
        compiled.IsTrue(JsonNode.Parse("""{"x": -0.0}""")).ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_WhenDataHasNestedArraysAndObjects_ReturnsCopies()
    {
        var data = JsonNode.Parse("""{"a": {"b": [1, {"c": 2}]}}""");
        var result = RuleCompiler.Compile(TestJson.Rule("""{"var": "a"}""")).Evaluate(data)!;
        result["b"]![1]!["c"] = 3;
        data!["a"]!["b"]![1]!["c"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public void Evaluate_WhenDataBuiltInCode_ReadsClrNumberTypes()
    {
        var data = new JsonObject { ["i"] = 3, ["l"] = 4L, ["m"] = 1.5m, ["f"] = 0.5f, ["s"] = "x" };
        var sum = RuleCompiler.Compile(TestJson.Rule("""{"+": [{"var": "i"}, {"var": "l"}, {"var": "m"}, {"var": "f"}]}""")).Evaluate(data);
        TestJson.Canon(sum).ShouldBe("9");
    }

    [Fact]
    public void Evaluate_WhenCalledFromManyThreads_GivesTheSameAnswers()
    {
        var compiled = RuleCompiler.Compile(TestJson.Rule("""{"if": [{">": [{"var": "n"}, 50]}, {"cat": ["big", {"var": "n"}]}, "small"]}"""));
        var results = new string[1000];
        Parallel.For(0, results.Length, i => results[i] = TestJson.Canon(compiled.Evaluate(new JsonObject { ["n"] = i % 100 })));
        for (var i = 0; i < results.Length; i++) results[i].ShouldBe(i % 100 > 50 ? $"\"big{i % 100}\"" : "\"small\"");
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
