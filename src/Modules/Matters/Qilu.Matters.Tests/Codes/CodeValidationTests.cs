using Qilu.Matters.Codes;
using Qilu.Matters.Contracts;
using Shouldly;

namespace Qilu.Matters.Tests.Codes;

public sealed class CodeValidationTests
{
    // A 机关 credit code built per GB 32100 (authority 1, type 1, division 370102, organisation code with its GB 11714 check).
    private static string ValidCreditCode()
    {
        const string body = "12345678";
        var org = body + Qilu.SharedKernel.Identifiers.CreditCode.ComputeOrganizationCheckCharacter(body);
        var first17 = "11370102" + org;
        return first17 + Qilu.SharedKernel.Identifiers.CreditCode.ComputeCheckCharacter(first17);
    }

    [Theory]
    [InlineData("370700102000", MatterType.AdministrativeConfirmation, false)]
    [InlineData("000101234001", MatterType.AdministrativeLicence, true)]
    [InlineData("371100104000", MatterType.PublicService, false)]
    public void ParseBasicCode_WhenWellFormed_ReadsTypeAndLevel(string code, MatterType type, bool sub)
    {
        var parsed = MatterBasicCode.Parse(code);
        parsed.IsSuccess.ShouldBeTrue();
        parsed.Value.Type.ShouldBe(type);
        parsed.Value.IsSubItem.ShouldBe(sub);
    }

    [Theory]
    [InlineData("", "basic_code.required")]
    [InlineData("37010200100", "basic_code.format")]
    [InlineData("3701020010A0", "basic_code.format")]
    [InlineData("990100100000", "basic_code.region")]
    [InlineData("371300100000", "basic_code.type")]
    [InlineData("370000000000", "basic_code.type")]
    [InlineData("370100000000", "basic_code.main_item")]
    public void ParseBasicCode_WhenMalformed_NamesTheRule(string code, string expected) =>
        MatterBasicCode.Parse(code).Error.Code.ShouldBe(expected);

    [Fact]
    public void ComposeImplementationCode_WhenParsedBack_KeepsItsParts()
    {
        var credit = ValidCreditCode();
        var code = ImplementationCode.Compose(MatterBasicCode.Parse("371100104000").Value, "370102", credit);
        code.ShouldBe($"371100104000-370102000000-{credit}");
        var parsed = ImplementationCode.Parse(code);
        parsed.IsSuccess.ShouldBeTrue(parsed.ToString());
        parsed.Value.Division.ShouldBe("370102000000");
        parsed.Value.CreditCode.ShouldBe(credit);
        ImplementationCode.Parse(code + "-01").IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void ParseImplementationCode_WhenCreditCheckCharacterWrong_RefusesWithCreditCodeRule()
    {
        var credit = ValidCreditCode();
        var wrong = credit[..17] + (credit[17] == '0' ? '1' : '0');
        ImplementationCode.Parse($"371100104000-370102000000-{wrong}").Error.Code.ShouldBe("implementation_code.credit_code.check_character");
    }

    [Theory]
    [InlineData("371100104000-3701020000-X", "implementation_code.division")]
    [InlineData("371100104000-370002000000-X", "implementation_code.division")]
    [InlineData("371100104000", "implementation_code.format")]
    [InlineData("371100104000-370102000000-{0}-00", "implementation_code.item")]
    public void ParseImplementationCode_WhenMalformed_NamesTheRule(string template, string expected) =>
        ImplementationCode.Parse(template.Replace("{0}", ValidCreditCode(), StringComparison.Ordinal)).Error.Code.ShouldBe(expected);
}
