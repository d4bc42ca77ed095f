using System.Text.Json.Nodes;
using Qilu.Rules.Semantics;
using Shouldly;

namespace Qilu.Rules.Tests;

public sealed class RuleSetTests
{
    private static readonly RuleSchema Schema = RuleSchema.Parse("""
        {"variables": [
          {"name": "matter", "type": "string"}, {"name": "applicant.division", "type": "string"},
          {"name": "applicant.birth", "type": "date"}, {"name": "income", "type": "number"},
          {"name": "members", "type": "number"}, {"name": "urgent", "type": "boolean"}, {"name": "children", "type": "array"}
        ]}
        """).Value;

    private static List<JsonNode?> Cases() =>
    [
        JsonNode.Parse("""{"matter": "M001", "applicant": {"division": "370102", "birth": "1950-03-01"}, "income": 800, "members": 2, "urgent": true}"""),
        JsonNode.Parse("""{"matter": "M001", "applicant": {"division": "370202", "birth": "1990-03-01"}, "income": 5000, "members": 4, "urgent": false}"""),
        JsonNode.Parse("""{"matter": "M002", "applicant": {"division": "370103"}, "income": 1200, "children": [{"age": 1}]}"""),
        JsonNode.Parse("""{"matter": "M003", "applicant": {"division": "370211", "birth": "2010-12-01"}, "members": 0}"""),
        JsonNode.Parse("""{}"""),
    ];

    [Fact]
    public void EntityTable_WhenFilledFromJson_RowsReadBackAsTheSameJson()
    {
        var table = EntityTable.FromJson(Schema, Cases());
        table.RowCount.ShouldBe(5);
        JsonNode.DeepEquals(table.RowToJson(0), JsonNode.Parse("""{"matter": "M001", "applicant": {"division": "370102", "birth": "1950-03-01"}, "income": 800, "members": 2, "urgent": true}""")).ShouldBeTrue();
        table.RowToJson(4).Count.ShouldBe(0);
        table.Strings("matter").DistinctCount.ShouldBe(3);
        table.Numbers("income").IsMissing(3).ShouldBeTrue();
        JsonNode.DeepEquals(table.RowToJson(2)["children"], JsonNode.Parse("""[{"age": 1}]""")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"income": "800"}""")]
    [InlineData("""{"applicant": {"birth": "1950-3-1"}}""")]
    [InlineData("""{"urgent": 1}""")]
    [InlineData("""{"children": {"a": 1}}""")]
    public void SetRow_WhenValueHasWrongType_Throws(string json) =>
        Should.Throw<ArgumentException>(() => EntityTable.FromJson(Schema, [JsonNode.Parse(json)]));

    [Fact]
    public void EntityTable_WhenSchemaDeclaresParentAndChild_Throws() =>
        Should.Throw<ArgumentException>(() => new EntityTable(new RuleSchema([new("a", RuleValueType.Object), new("a.b", RuleValueType.Number)]), 1));

    [Fact]
    public void NumberColumn_WhenNotFinite_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new EntityTable(Schema, 1).Numbers("income").Set(0, double.NaN));

    [Fact]
    public void EvaluateAll_WhenRoutingRulesPerUnit_GivesEachUnitItsCases()
    {
        // Routing: which unit handles a case, by matter and the applicant's division.
        var rules = new[]
        {
            """{"and": [{"==": [{"var": "matter"}, "M001"]}, {"starts_with": [{"var": "applicant.division"}, "3701"]}]}""",
            """{"and": [{"==": [{"var": "matter"}, "M001"]}, {"starts_with": [{"var": "applicant.division"}, "3702"]}]}""",
            """{"in": [{"var": "matter"}, ["M002", "M003"]]}""",
            """{"and": [{">=": [{"age": [{"var": "applicant.birth"}]}, 70]}, {"<": [{"/": [{"var": "income"}, {"var": "members"}]}, 1000]}]}""",
            """{"missing": ["income", "members"]}""",
            """{"some": [{"var": "children"}, {"<": [{"var": "age"}, 3]}]}""",
        }.Select(TestJson.Rule).ToList();
        var set = RuleSet.Compile(rules, Schema);
        var result = set.EvaluateAll(EntityTable.FromJson(Schema, Cases()), TestJson.Context);
        result.Rows(0).ShouldBe([0]);
        result.Rows(1).ShouldBe([1]);
        result.Rows(2).ShouldBe([2, 3]);
        result.Rows(3).ShouldBe([0]);
        result.Rows(4).ShouldBe([2, 3, 4]);
        result.Rows(5).ShouldBe([2]);
        Enumerable.Range(0, 5).Select(result.Mode).ShouldAllBe(m => m == RuleEvaluationMode.Columnar);
        result.Mode(5).ShouldBe(RuleEvaluationMode.CompiledFallback);
        result.FallbackReason(5)!.ShouldContain("'some'");
        result.FallbackReason(0).ShouldBeNull();
        result.FallbackCount.ShouldBe(1);
        result.Count(4).ShouldBe(3);
    }

    [Fact]
    public void EvaluateAll_WhenFallbackRuleIsAnAnd_FiltersByItsColumnarConjunctsAndStaysExact()
    {
        var rules = new[]
        {
            """{"and": [{"in": [{"var": "matter"}, ["M002", "M003"]]}, {"none": [{"var": "children"}, {">": [{"var": "age"}, 5]}]}]}""",
            """{"and": [{"==": [{"var": "matter"}, "M001"]}, {"some": [{"var": "children"}, true]}]}""",
        }.Select(TestJson.Rule).ToList();
        var result = RuleSet.Compile(rules, Schema).EvaluateAll(EntityTable.FromJson(Schema, Cases()));
        result.Mode(0).ShouldBe(RuleEvaluationMode.CompiledFallback);
        result.Rows(0).ShouldBe([2, 3]);
        result.Rows(1).ShouldBeEmpty();
    }

    [Fact]
    public void EvaluateAll_WhenIdenticalRules_ReturnsIndependentBitsets()
    {
        var rule = TestJson.Rule("""{">": [{"var": "income"}, 1000]}""");
        var result = RuleSet.Compile([rule, rule], Schema).EvaluateAll(EntityTable.FromJson(Schema, Cases()));
        result.Bits(0).ShouldBe(result.Bits(1));
        result.Bits(0)[0] = 0;
        result.Count(1).ShouldBe(2);
        result.IsTrue(1, 1).ShouldBeTrue();
    }

    [Fact]
    public void EvaluateAll_WhenNegationOverRowsNotMultipleOf64_LeavesNoBitsPastTheEnd()
    {
        var table = new EntityTable(Schema, 70);
        for (var i = 0; i < 70; i += 2) table.Booleans("urgent").Set(i, true);
        var result = RuleSet.Compile([TestJson.Rule("""{"!": {"var": "urgent"}}"""), TestJson.Rule("true"), TestJson.Rule("""{"!": [{">": [{"var": "income"}, 0]}]}""")], Schema)
            .EvaluateAll(table);
        result.Count(0).ShouldBe(35);
        result.Count(1).ShouldBe(70);
        result.Count(2).ShouldBe(70);
        (result.Bits(0)[1] >> 6).ShouldBe(0UL);
    }

    [Fact]
    public void EvaluateAll_WhenRuleUsesTodayWithoutContext_Throws()
    {
        var set = RuleSet.Compile([TestJson.Rule("""{">": [{"age": [{"var": "applicant.birth"}]}, 60]}""")], Schema);
        Should.Throw<InvalidOperationException>(() => set.EvaluateAll(EntityTable.FromJson(Schema, Cases())));
    }

    [Fact]
    public void EvaluateAll_WhenManyRowsAndMixedRules_EqualsInterpreterPerRow()
    {
        var gen = new RandomRules(42);
        var rows = Enumerable.Range(0, 1000).Select(_ => (JsonNode?)gen.Entity()).ToList();
        var rules = Enumerable.Range(0, 60).Select(i => TestJson.Rule(gen.Rule(4, batchFriendly: i % 3 != 0) ?? JsonValue.Create(1))).ToList();
        var table = EntityTable.FromJson(RandomRules.Schema, rows);
        var result = RuleSet.Compile(rules, RandomRules.Schema).EvaluateAll(table, TestJson.Context);
        for (var r = 0; r < rules.Count; r++)
            for (var row = 0; row < rows.Count; row++)
                result.IsTrue(r, row).ShouldBe(Js.Truthy(RuleInterpreter.Eval(rules[r].Root, Js.FromRoot(table.RowToJson(row)), TestJson.Context)),
                    $"{rules[r].ToJson()} row {row}");
        Enumerable.Range(0, rules.Count).Count(r => result.Mode(r) == RuleEvaluationMode.Columnar).ShouldBeGreaterThan(30);
    }
}
