using System.Text.Json.Nodes;
using Shouldly;

namespace Qilu.Rules.Tests;

public sealed class RuleDocumentTests
{
    private static Qilu.SharedKernel.Results.Error SingleError(string json)
    {
        var r = RuleDocument.Parse(json);
        r.IsSuccess.ShouldBeFalse();
        return r.Error;
    }

    [Fact]
    public void Parse_WhenObjectWithTwoKeysInsideComparison_ReportsPathOfThatArgument()
    {
        var e = SingleError("""{"and": [true, {">": [{"a": 1, "b": 2}, 1]}]}""");
        e.Code.ShouldBe("rules.object.keys");
        e.Field.ShouldBe("$.and[1].>[0]");
    }

    [Fact]
    public void Parse_WhenUnknownOperator_ReportsOperatorPathAndName()
    {
        var e = SingleError("""{"or": [{"var": "a"}, {"eval": ["1+1"]}]}""");
        e.Code.ShouldBe("rules.operator.unknown");
        e.Field.ShouldBe("$.or[1].eval");
        e.MessageEn.ShouldContain("'eval'");
        e.Message.ShouldContain("未知运算符");
    }

    [Theory]
    [InlineData("""{"==": [1]}""", "$.==")]
    [InlineData("""{"!": [1, 2]}""", "$.!")]
    [InlineData("""{"?:": [true, 1]}""", "$.?:")]
    [InlineData("""{"and": []}""", "$.and")]
    [InlineData("""{"if": [true, {"substr": ["a"]}]}""", "$.if[1].substr")]
    [InlineData("""{"today": [1]}""", "$.today")]
    [InlineData("""{"var": ["a", 1, 2]}""", "$.var")]
    public void Parse_WhenWrongArity_ReportsArityErrorAtOperator(string json, string path)
    {
        var e = SingleError(json);
        e.Code.ShouldBe("rules.arity");
        e.Field.ShouldBe(path);
    }

    [Theory]
    [InlineData("""{"missing_some": [{"var": "n"}, ["a"]]}""", "$.missing_some[0]")]
    [InlineData("""{"missing_some": [1.5, ["a"]]}""", "$.missing_some[0]")]
    [InlineData("""{"missing_some": [1, {"var": "keys"}]}""", "$.missing_some[1]")]
    [InlineData("""{"var": [true]}""", "$.var[0]")]
    [InlineData("""{"var": [["a"]]}""", "$.var[0]")]
    public void Parse_WhenLiteralRequired_ReportsArgumentPath(string json, string path)
    {
        var e = SingleError(json);
        e.Code.ShouldBe("rules.literal.required");
        e.Field.ShouldBe(path);
    }

    [Fact]
    public void Parse_WhenSeveralErrors_ReportsEachWithItsPath()
    {
        var r = RuleDocument.Parse("""{"and": [{"nope": 1}, {"==": [1]}, {"var": true}]}""");
        r.Errors.Select(e => e.Field).ShouldBe(["$.and[0].nope", "$.and[1].==", "$.and[2].var"]);
        r.Errors.ShouldAllBe(e => e.Message.Length > 0 && e.MessageEn.Length > 0);
    }

    [Fact]
    public void Parse_WhenNotJson_ReturnsJsonError()
    {
        var e = SingleError("""{"and": [""");
        e.Code.ShouldBe("rules.json.invalid");
        e.Field.ShouldBe("$");
    }

    [Fact]
    public void FromNode_WhenNull_ReturnsEmptyError() => RuleDocument.FromNode(null).Error.Code.ShouldBe("rules.empty");

    [Fact]
    public void ToJson_WhenSingleArgumentShorthand_WritesCanonicalArrayFormAndRoundTrips()
    {
        var rule = TestJson.Rule("""{"!": {"var": "a"}}""");
        rule.ToJson().ShouldBe("""{"!":[{"var":["a"]}]}""");
        RuleDocument.Parse(rule.ToJson()).Value.ToJson().ShouldBe(rule.ToJson());
        JsonNode.DeepEquals(rule.ToNode(), JsonNode.Parse(rule.ToJson())).ShouldBeTrue();
    }

    [Fact]
    public void ToJson_WhenOperatorsAndChinese_KeepsThemReadable() =>
        TestJson.Rule("""{"<": [{"var": "年龄"}, 18]}""").ToJson().ShouldBe("""{"<":[{"var":["年龄"]},18]}""");

    [Fact]
    public void Variables_WhenRuleReadsData_ListsLiteralPathsOutsidePerElementLogic() =>
        TestJson.Rule("""
            {"and": [{"var": "a.b"}, {"missing": ["c", "d"]}, {"missing_some": [1, ["e"]]},
                     {"all": [{"var": "items"}, {">": [{"var": "qty"}, 1]}]}, {"var": "a.b"}]}
            """).Variables.ShouldBe(["a.b", "c", "d", "e", "items"]);

    [Fact]
    public void FromNode_WhenSourceNodeChangesAfterwards_RuleIsUnaffected()
    {
        var node = JsonNode.Parse("""{"==": [{"var": "a"}, 1]}""")!;
        var rule = RuleDocument.FromNode(node).Value;
        node["=="]![1] = 2;
        RuleInterpreter.Evaluate(rule, JsonNode.Parse("""{"a": 1}"""))!.GetValue<bool>().ShouldBeTrue();
    }
}
