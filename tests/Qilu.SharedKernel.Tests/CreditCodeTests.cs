using Qilu.SharedKernel.Identifiers;
using Shouldly;

namespace Qilu.SharedKernel.Tests;

public sealed class CreditCodeTests
{
    // trust.md §6.2: synthetic codes and public government codes; both checks pass.
    [Theory]
    [InlineData("91110108MA0000015T", '9', '1', "工商", "企业", "110108", "MA0000015")]
    [InlineData("92350100MA0000023W", '9', '2', "工商", "个体工商户", "350100", "MA0000023")]
    [InlineData("12440300MB0000035B", '1', '2', "机构编制", "事业单位", "440300", "MB0000035")]
    [InlineData("93510107MA00000A9N", '9', '3', "工商", "农民专业合作社", "510107", "MA00000A9")]
    [InlineData("11100000000013338W", '1', '1', "机构编制", "机关", "100000", "000013338")]
    [InlineData("11220000013544541J", '1', '1', "机构编制", "机关", "220000", "013544541")]
    [InlineData("11430000006122244L", '1', '1', "机构编制", "机关", "430000", "006122244")]
    [InlineData("11330105002500287C", '1', '1', "机构编制", "机关", "330105", "002500287")]
    public void Parse_WhenReferenceVector_ExposesParts(string input, char authority, char type, string authorityName,
        string typeName, string region, string org)
    {
        var code = CreditCode.Parse(input).Value;

        code.ToString().ShouldBe(input);
        code.AuthorityCode.ShouldBe(authority);
        code.TypeCode.ShouldBe(type);
        code.AuthorityDescription.ShouldBe(authorityName);
        code.TypeDescription.ShouldBe(typeName);
        code.RegionCode.ShouldBe(region);
        code.OrganizationCode.ShouldBe(org);
        code.CheckCharacter.ShouldBe(input[17]);
        code.IsIndividualBusiness.ShouldBe(input.StartsWith("92", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WhenAdjacentCharactersTransposed_Fails()
    {
        // trust.md §6.2 negative: MA → AM also breaks the embedded GB 11714 check, which is reported first.
        var error = CreditCode.Parse("91110108AM0000015T").Error;

        error.Code.ShouldBe("credit_code.organization_code");
        error.Message.ShouldContain("“1”");
    }

    [Fact]
    public void Parse_WhenLowerCaseOrFullWidth_Normalises()
    {
        CreditCode.Parse(" 91110108ma0000015t ").Value.ToString().ShouldBe("91110108MA0000015T");
        CreditCode.Parse("９１１１０１０８ＭＡ０００００１５Ｔ").Value.ToString().ShouldBe("91110108MA0000015T");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Parse_WhenBlank_FailsRequired(string? input)
    {
        CreditCode.Parse(input).Error.Code.ShouldBe("credit_code.required");
    }

    [Theory]
    [InlineData("91110108MA0000015")]
    [InlineData("91110108MA0000015TT")]
    public void Parse_WhenLengthWrong_FailsLength(string input)
    {
        CreditCode.Parse(input).Error.Code.ShouldBe("credit_code.length");
    }

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('S')]
    [InlineData('V')]
    [InlineData('Z')]
    [InlineData('-')]
    public void Parse_WhenForbiddenCharacter_FailsCharacters(char c)
    {
        var error = CreditCode.Parse("91110108M" + c + "0000015T").Error;

        error.Code.ShouldBe("credit_code.characters");
        error.Message.ShouldContain("第10位");
    }

    [Theory]
    [InlineData('B')]
    [InlineData('0')]
    [InlineData('X')]
    public void Parse_WhenAuthorityUnknown_FailsAuthority(char authority)
    {
        CreditCode.Parse(Build(authority, '1', "370102")).Error.Code.ShouldBe("credit_code.authority");
    }

    [Theory]
    [InlineData('9', '9')] // 工商 has no 9 (其他) in GB 32100 table A.1
    [InlineData('9', '4')]
    [InlineData('1', '4')]
    [InlineData('5', '4')]
    [InlineData('Y', '9')]
    [InlineData('2', '2')]
    public void Parse_WhenTypeNotListedForAuthority_FailsType(char authority, char type)
    {
        CreditCode.Parse(Build(authority, type, "370102")).Error.Code.ShouldBe("credit_code.type");
    }

    [Theory]
    [InlineData('1', '9')]
    [InlineData('3', '5')]
    [InlineData('6', '2')]
    [InlineData('7', '2')]
    [InlineData('8', '1')]
    [InlineData('A', '1')]
    [InlineData('N', '3')]
    [InlineData('Y', '1')]
    public void Parse_WhenListedAuthorityAndType_Succeeds(char authority, char type)
    {
        CreditCode.Parse(Build(authority, type, "370102")).IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [InlineData("990000")]
    [InlineData("370001")]
    [InlineData("000000")]
    [InlineData("10000A")]
    public void Parse_WhenRegionInvalid_FailsRegion(string region)
    {
        CreditCode.Parse(Build('9', '1', region)).Error.Code.ShouldBe("credit_code.region");
    }

    [Fact]
    public void Parse_WhenOrganizationCheckWrong_FailsOrganizationCode()
    {
        // Body MA000001 requires org check 5; use 6 and recompute the outer check so only the inner one fails.
        const string first17 = "91110108MA0000016";
        var input = first17 + CreditCode.ComputeCheckCharacter(first17);

        var error = CreditCode.Parse(input).Error;

        error.Code.ShouldBe("credit_code.organization_code");
        error.MessageEn.ShouldContain("'5'");
    }

    [Fact]
    public void Parse_WhenCheckCharacterWrong_FailsAndStatesExpected()
    {
        var error = CreditCode.Parse("91110108MA0000015U").Error;

        error.Code.ShouldBe("credit_code.check_character");
        error.Message.ShouldContain("“T”");
        error.MessageEn.ShouldContain("'T'");
    }

    [Fact]
    public void ComputeOrganizationCheckCharacter_MapsTenToXAndElevenToZero()
    {
        // Weighted sum 3·4 = 12 ≡ 1 (mod 11) gives 10 → X; sum 0 gives 11 → 0; sum 2 gives 9; A=10 counts as 10.
        CreditCode.ComputeOrganizationCheckCharacter("00000030").ShouldBe('X');
        CreditCode.ComputeOrganizationCheckCharacter("00000000").ShouldBe('0');
        CreditCode.ComputeOrganizationCheckCharacter("00000001").ShouldBe('9');
        CreditCode.ComputeOrganizationCheckCharacter("0000000A").ShouldBe(CreditCode.ComputeOrganizationCheckCharacter("00000050"));
    }

    [Fact]
    public void Masked_KeepsFirstSixAndLastFour()
    {
        CreditCode.Parse("92350100MA0000023W").Value.Masked().ShouldBe("923501********023W");
        default(CreditCode).Masked().ShouldBe("");
    }

    [Fact]
    public void TryParse_ReportsOutcome()
    {
        CreditCode.TryParse("91110108MA0000015T", out var ok).ShouldBeTrue();
        ok.ToString().ShouldBe("91110108MA0000015T");
        CreditCode.TryParse("91110108MA0000015U", out var bad).ShouldBeFalse();
        bad.ShouldBe(default);
    }

    /// <summary>A code with the given authority, type and region, a valid organisation code and check character.</summary>
    private static string Build(char authority, char type, string region)
    {
        const string body = "MA000001";
        var first17 = $"{authority}{type}{region}{body}{CreditCode.ComputeOrganizationCheckCharacter(body)}";
        return first17 + CreditCode.ComputeCheckCharacter(first17);
    }
}
