using Shouldly;

namespace Qilu.Rules.Tests;

public sealed class RuleSchemaTests
{
    private static readonly RuleSchema Schema = RuleSchema.Parse("""
        {"variables": [
          {"name": "matter", "type": "string", "required": true, "description": {"zh": "事项编码", "en": "Matter code"}, "enum": ["M001", "M002"]},
          {"name": "applicant.division", "type": "string", "required": true},
          {"name": "applicant.birth", "type": "date"},
          {"name": "income", "type": "number"},
          {"name": "disabled", "type": "boolean"},
          {"name": "children", "type": "array"},
          {"name": "form", "type": "object"}
        ]}
        """).Value;

    private static IReadOnlyList<Qilu.SharedKernel.Results.Error> Check(string rule) => Schema.Validate(TestJson.Rule(rule));

    [Fact]
    public void Parse_WhenValid_KeepsDeclarations()
    {
        var matter = Schema.Find("matter")!;
        matter.Type.ShouldBe(RuleValueType.String);
        matter.Required.ShouldBeTrue();
        matter.DescriptionZh.ShouldBe("事项编码");
        matter.Enum!.Count.ShouldBe(2);
        Schema.Variables.Count.ShouldBe(7);
    }

    [Theory]
    [InlineData("""{"variables": [{"name": "a", "type": "integer"}]}""", "$.variables[0].type", "rules.schema.type")]
    [InlineData("""{"variables": [{"name": "a", "type": "number"}, {"name": "a", "type": "string"}]}""", "$.variables[1].name", "rules.schema.duplicate")]
    [InlineData("""{"variables": [{"name": "a..b", "type": "number"}]}""", "$.variables[0].name", "rules.schema.name")]
    [InlineData("""{"variables": [{"name": "a", "type": "number", "enum": [1, "x"]}]}""", "$.variables[0].enum[1]", "rules.schema.enum")]
    [InlineData("""{"variables": [{"name": "a", "type": "number", "required": "yes"}]}""", "$.variables[0].required", "rules.schema.required")]
    [InlineData("""{"vars": []}""", "$.variables", "rules.schema.shape")]
    [InlineData("""{"variables": [1]}""", "$.variables[0]", "rules.schema.shape")]
    public void Parse_WhenInvalid_ReportsPath(string json, string path, string code)
    {
        var r = RuleSchema.Parse(json);
        r.IsSuccess.ShouldBeFalse();
        r.Errors.ShouldContain(e => e.Field == path && e.Code == code);
    }

    [Fact]
    public void Validate_WhenRealisticRoutingRule_HasNoErrors() =>
        Check("""
            {"and": [{"in": [{"var": "matter"}, ["M001", "M002"]]}, {"starts_with": [{"var": "applicant.division"}, "3701"]},
                     {">=": [{"age": [{"var": "applicant.birth"}]}, 60]}, {"<": [{"var": "income"}, 2000]},
                     {"!": {"var": "disabled"}}, {"some": [{"var": "children"}, {"<": [{"age": [{"var": "birth"}]}, 3]}]},
                     {"==": [{"var": "form.kind"}, "x"]}, {"!": {"missing": ["income"]}}]}
            """).ShouldBeEmpty();

    [Fact]
    public void Validate_WhenUnknownVariable_ReportsItsPath()
    {
        var errors = Check("""{"and": [true, {">": [{"var": "incme"}, 1]}]}""");
        errors.Single().Code.ShouldBe("rules.schema.unknown_variable");
        errors.Single().Field.ShouldBe("$.and[1].>[0]");
        errors.Single().MessageEn.ShouldContain("incme");
    }

    [Fact]
    public void Validate_WhenMissingKeyUnknown_ReportsKeyPath() =>
        Check("""{"missing": ["income", "salary"]}""").Single().Field.ShouldBe("$.missing[1]");

    [Fact]
    public void Validate_WhenVariablePathComputed_ReportsDynamicVariable() =>
        Check("""{"var": {"cat": ["inc", "ome"]}}""").Single().Code.ShouldBe("rules.schema.dynamic_variable");

    [Theory]
    [InlineData("""{"+": [{"var": "matter"}, 1]}""", "$.+[0]")]
    [InlineData("""{"age": [{"var": "income"}]}""", "$.age[0]")]
    [InlineData("""{"<": [{"var": "income"}, "abc"]}""", "$.<[1]")]
    [InlineData("""{"==": [{"var": "disabled"}, 1]}""", "$.==[1]")]
    [InlineData("""{"==": [{"var": "applicant.division"}, 370102]}""", "$.==[1]")]
    [InlineData("""{"in": ["a", {"var": "income"}]}""", "$.in[1]")]
    [InlineData("""{"map": [{"var": "income"}, 1]}""", "$.map[0]")]
    [InlineData("""{"*": ["ten", 2]}""", "$.*[0]")]
    public void Validate_WhenTypesCannotMatch_ReportsMismatchAtOperand(string rule, string path)
    {
        var errors = Check(rule);
        errors.ShouldContain(e => e.Code == "rules.schema.type_mismatch" && e.Field == path);
    }

    [Fact]
    public void Validate_WhenDateLiteralInvalid_ReportsDateError()
    {
        var errors = Check("""{"before": [{"var": "applicant.birth"}, "2024-13-01"]}""");
        errors.Single().Code.ShouldBe("rules.date.invalid");
        errors.Single().Field.ShouldBe("$.before[1]");
        Check("""{"<": [{"var": "applicant.birth"}, "2024/01/01"]}""").Single().Code.ShouldBe("rules.date.invalid");
    }

    [Fact]
    public void Validate_WhenValueOutsideEnum_ReportsEnumError()
    {
        Check("""{"==": [{"var": "matter"}, "M999"]}""").Single().Code.ShouldBe("rules.schema.enum");
        Check("""{"==": ["M999", {"var": "matter"}]}""").Single().Field.ShouldBe("$.==[0]");
        Check("""{"in": [{"var": "matter"}, ["M001", "M777"]]}""").Single().Field.ShouldBe("$.in[1][1]");
        Check("""{"==": [{"var": "matter"}, "M002"]}""").ShouldBeEmpty();
    }

    [Fact]
    public void Validate_WhenPathBelowArrayOrObject_AcceptsIt() =>
        Check("""{"and": [{"var": "children.0.birth"}, {"var": "form.a.b"}, {"var": "applicant"}]}""").ShouldBeEmpty();

    [Fact]
    public void Constructor_WhenNameInvalid_Throws() =>
        Should.Throw<ArgumentException>(() => new RuleSchema([new RuleVariable("", RuleValueType.Number)]));
}
