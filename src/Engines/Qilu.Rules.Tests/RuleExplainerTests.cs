using System.Text.Json;
using System.Text.Json.Nodes;
using Shouldly;

namespace Qilu.Rules.Tests;

public sealed class RuleExplainerTests
{
    private static readonly RuleDocument Eligibility = TestJson.Rule("""
        {"and": [{">=": [{"age": [{"var": "birth"}]}, 18]}, {"in": [{"var": "division"}, ["370102", "370103"]]}, {"!": {"var": "blacklisted"}}]}
        """);

    [Fact]
    public void Explain_WhenSecondClauseFails_ShowsEachEvaluatedClauseWithValues()
    {
        var e = RuleExplainer.Explain(Eligibility, JsonNode.Parse("""{"birth": "2000-05-01", "division": "370202", "blacklisted": false}"""), TestJson.Context);
        e.Operator.ShouldBe("and");
        e.IsTrue.ShouldBeFalse();
        e.ShortCircuited.ShouldBeTrue();
        e.Children.Count.ShouldBe(2);
        var age = e.Children[0];
        age.Operator.ShouldBe(">=");
        age.Path.ShouldBe("$.and[0]");
        age.Inputs.Select(TestJson.Canon).ShouldBe(["26", "18"]);
        age.IsTrue.ShouldBeTrue();
        age.Children[0].Operator.ShouldBe("age");
        age.Children[0].Children[0].Variable.ShouldBe("birth");
        TestJson.Canon(age.Children[0].Children[0].Result).ShouldBe("\"2000-05-01\"");
        var place = e.Children[1];
        place.IsTrue.ShouldBeFalse();
        place.Inputs.Select(TestJson.Canon).ShouldBe(["\"370202\"", "[\"370102\",\"370103\"]"]);
    }

    [Fact]
    public void ToText_WhenChineseAndEnglish_RendersTreeWithMarksAndValues()
    {
        var e = RuleExplainer.Explain(Eligibility, JsonNode.Parse("""{"birth": "2010-05-01", "division": "370102"}"""), TestJson.Context);
        var en = e.ToText(chinese: false);
        en.ShouldStartWith("Result: false (does not hold)\n✗ and (false) → false");
        en.ShouldContain("  ✗ >= (16, 18) → false");
        en.ShouldContain("      ✓ variable birth = \"2010-05-01\"");
        en.ShouldContain("short-circuit");
        var zh = e.ToText(chinese: true);
        zh.ShouldStartWith("结果：false（不成立）");
        zh.ShouldContain("变量 birth = \"2010-05-01\"");
        zh.ShouldContain("短路");
    }

    [Fact]
    public void Explain_WhenAllHold_ListsEveryClause()
    {
        var e = RuleExplainer.Explain(Eligibility, JsonNode.Parse("""{"birth": "2000-05-01", "division": "370103", "blacklisted": false}"""), TestJson.Context);
        e.IsTrue.ShouldBeTrue();
        e.ShortCircuited.ShouldBeFalse();
        e.Children.Select(c => c.Path).ShouldBe(["$.and[0]", "$.and[1]", "$.and[2]"]);
        e.Children[2].Children[0].Variable.ShouldBe("blacklisted");
    }

    [Fact]
    public void Explain_WhenIf_ShowsConditionsUpToTheChosenBranch()
    {
        var rule = TestJson.Rule("""{"if": [{"<": [{"var": "x"}, 0]}, "neg", {"==": [{"var": "x"}, 0]}, "zero", "pos"]}""");
        var e = RuleExplainer.Explain(rule, JsonNode.Parse("""{"x": 0}"""));
        TestJson.Canon(e.Result).ShouldBe("\"zero\"");
        e.Inputs.Select(TestJson.Canon).ShouldBe(["false", "true", "\"zero\""]);
        e.ShortCircuited.ShouldBeTrue();
    }

    [Fact]
    public void Explanation_WhenSerialised_IsJsonWithTheSameTree()
    {
        var e = RuleExplainer.Explain(Eligibility, JsonNode.Parse("""{"birth": "2000-05-01", "division": "370102"}"""), TestJson.Context);
        var viaSerializer = JsonNode.Parse(JsonSerializer.Serialize(e))!;
        viaSerializer["Operator"]!.GetValue<string>().ShouldBe("and");
        viaSerializer["Children"]!.AsArray().Count.ShouldBe(3);
        var node = JsonNode.Parse(e.ToJson())!;
        node["op"]!.GetValue<string>().ShouldBe("and");
        node["true"]!.GetValue<bool>().ShouldBeTrue();
        node["children"]![0]!["inputs"]!.AsArray().Count.ShouldBe(2);
        node["children"]![0]!["rule"]!.GetValue<string>().ShouldBe("""{">=":[{"age":[{"var":["birth"]}]},18]}""");
    }

    [Fact]
    public void Explain_WhenMissingData_ResultListsMissingKeys()
    {
        var rule = TestJson.Rule("""{"missing": ["income", "members"]}""");
        var e = RuleExplainer.Explain(rule, JsonNode.Parse("""{"income": 100}"""));
        TestJson.Canon(e.Result).ShouldBe("[\"members\"]");
        e.IsTrue.ShouldBeTrue();
    }
}
