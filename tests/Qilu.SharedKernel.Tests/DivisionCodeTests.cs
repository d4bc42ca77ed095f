using Qilu.SharedKernel.Identifiers;
using Shouldly;

namespace Qilu.SharedKernel.Tests;

public sealed class DivisionCodeTests
{
    [Theory]
    [InlineData("370000", DivisionLevel.Province, "37", null)]
    [InlineData("370100", DivisionLevel.City, "3701", "370000")]
    [InlineData("370102", DivisionLevel.County, "370102", "370100")]
    [InlineData("370102001", DivisionLevel.Town, "370102001", "370102")]
    [InlineData("370102001002", DivisionLevel.Village, "370102001002", "370102001")]
    [InlineData("110101", DivisionLevel.County, "110101", "110100")]
    [InlineData("110100", DivisionLevel.City, "1101", "110000")]
    [InlineData("441900003", DivisionLevel.Town, "441900003", "441900")]
    [InlineData("429004", DivisionLevel.County, "429004", "429000")]
    [InlineData("429000", DivisionLevel.City, "4290", "420000")]
    public void Parse_ExposesLevelPrefixAndParent(string input, DivisionLevel level, string prefix, string? parent)
    {
        var code = DivisionCode.Parse(input).Value;

        code.ToString().ShouldBe(input);
        code.Level.ShouldBe(level);
        code.Prefix.ShouldBe(prefix);
        code.Parent?.ToString().ShouldBe(parent);
        (code.Parent is null).ShouldBe(parent is null);
    }

    [Theory]
    [InlineData("370102000000", "370102")]
    [InlineData("370102000", "370102")]
    [InlineData("370000000000", "370000")]
    [InlineData("370102001000", "370102001")]
    [InlineData(" ３７０１０２ ", "370102")]
    public void Parse_WhenTrailingLevelsZero_Canonicalises(string input, string canonical)
    {
        var code = DivisionCode.Parse(input).Value;

        code.ToString().ShouldBe(canonical);
        code.ShouldBe(DivisionCode.Parse(canonical).Value);
        code.ToStatisticalCode().ShouldBe(canonical.PadRight(12, '0'));
    }

    [Fact]
    public void Parent_WalksUpToProvince()
    {
        var chain = new List<string>();
        DivisionCode? current = DivisionCode.Parse("370102001002").Value;
        while (current is { } c)
        {
            chain.Add(c.ToString());
            current = c.Parent;
        }

        chain.ShouldBe(["370102001002", "370102001", "370102", "370100", "370000"]);
    }

    [Theory]
    [InlineData("370102001", "370102", true)]
    [InlineData("370102001", "370100", true)]
    [InlineData("370102001", "370000", true)]
    [InlineData("370102001", "370102001", true)]
    [InlineData("370102", "370102001", false)]
    [InlineData("370202", "370100", false)]
    [InlineData("370102", "320000", false)]
    [InlineData("441900003", "441900", true)]
    [InlineData("370112", "370100", true)]
    public void IsWithin_FollowsSubtree(string code, string ancestor, bool expected)
    {
        DivisionCode.Parse(code).Value.IsWithin(DivisionCode.Parse(ancestor).Value).ShouldBe(expected);
    }

    [Fact]
    public void IsProvinceAdministeredCounty_TrueOnlyForCityPart90()
    {
        DivisionCode.Parse("429004").Value.IsProvinceAdministeredCounty.ShouldBeTrue();
        DivisionCode.Parse("419001").Value.IsProvinceAdministeredCounty.ShouldBeTrue();
        DivisionCode.Parse("370102").Value.IsProvinceAdministeredCounty.ShouldBeFalse();
        DivisionCode.Parse("429000").Value.IsProvinceAdministeredCounty.ShouldBeFalse();
    }

    [Theory]
    [InlineData(null, "division_code.required")]
    [InlineData("", "division_code.required")]
    [InlineData("3701", "division_code.length")]
    [InlineData("3701020", "division_code.length")]
    [InlineData("3701020010021", "division_code.length")]
    [InlineData("37010A", "division_code.characters")]
    [InlineData("-37010", "division_code.characters")]
    [InlineData("100000", "division_code.province")]
    [InlineData("390000", "division_code.province")]
    [InlineData("000000", "division_code.province")]
    [InlineData("370001", "division_code.structure")]
    [InlineData("370000001", "division_code.structure")]
    [InlineData("370102000001", "division_code.structure")]
    public void Parse_WhenInvalid_FailsWithCode(string? input, string code)
    {
        DivisionCode.Parse(input).Error.Code.ShouldBe(code);
    }

    [Fact]
    public void CompareTo_OrdersParentsBeforeChildren()
    {
        string[] shuffled = ["370102001", "370200", "370102", "370000", "370100"];

        var codes = shuffled.Select(c => DivisionCode.Parse(c).Value).Order().Select(c => c.ToString());

        codes.ShouldBe(["370000", "370100", "370102", "370102001", "370200"]);
    }

    [Fact]
    public void TryParse_ReportsOutcome()
    {
        DivisionCode.TryParse("370102", out var ok).ShouldBeTrue();
        ok.Level.ShouldBe(DivisionLevel.County);
        DivisionCode.TryParse("370001", out var bad).ShouldBeFalse();
        bad.ToString().ShouldBe("");
    }
}
