using Microsoft.Extensions.Time.Testing;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Elements;
using Qilu.SharedKernel.Identifiers;
using Shouldly;

namespace Qilu.Catalog.Tests.Elements;

/// <summary>Validators of the standard elements really validate: checksums, code lists, structures, patterns.</summary>
public sealed class ElementValidatorTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 29, 2, 0, 0, TimeSpan.Zero));
    private static readonly ElementValueValidator Validator = new(null, Clock);

    private static DataElementInfo Element(string identifier)
    {
        var d = StandardElements.All.Single(e => e.Identifier == identifier);
        return new DataElement
        {
            Identifier = d.Identifier, NameZh = d.NameZh, NameEn = d.NameEn, DataType = d.DataType, Format = d.Format, Pattern = d.Pattern,
            MaxLength = d.MaxLength, CodeListText = d.CodeList, DefaultGrade = d.Grade,
        }.ToInfo();
    }

    private static string ValidId(string region, string birth, string seq)
    {
        var first17 = region + birth + seq;
        return first17 + IdNumber.ComputeCheckCharacter(first17);
    }

    [Fact]
    public void Validate_IdNumberWithRightCheckCharacter_ReturnsCanonicalValue()
    {
        var id = ValidId("370102", "19880315", "101");
        var result = Validator.Validate(Element("DE0001"), " " + id.ToLowerInvariant() + " ");
        result.IsSuccess.ShouldBeTrue(result.ToString());
        result.Value.ShouldBe(id);
    }

    [Fact]
    public void Validate_IdNumberWithWrongCheckCharacter_FailsNamingTheRuleAndElement()
    {
        var id = ValidId("370102", "19880315", "101");
        var wrong = id[..17] + (id[17] == '0' ? '1' : '0');
        var result = Validator.Validate(Element("DE0001"), wrong);
        result.IsSuccess.ShouldBeFalse();
        result.Error.Code.ShouldBe("id_number.check_digit");
        result.Error.Field.ShouldBe("DE0001");
    }

    [Fact]
    public void Validate_IdNumberBornInTheFuture_Fails() =>
        Validator.Validate(Element("DE0001"), ValidId("370102", "20270101", "101")).Error.Code.ShouldBe("id_number.birth_date");

    [Fact]
    public void Validate_CreditCode_ChecksTheGb32100CheckCharacter()
    {
        // Organisation-code part with its own GB 11714 check character, then the overall MOD 31 character.
        const string body = "91370102";
        var org8 = "MA3C4D5E".Replace('E', '6');
        var orgCheck = OrganisationCheck(org8);
        var first17 = body + org8 + orgCheck;
        var code = first17 + CreditCode.ComputeCheckCharacter(first17);
        Validator.Validate(Element("DE0006"), code).IsSuccess.ShouldBeTrue();
        var wrongLast = code[..17] + (code[17] == '0' ? '1' : '0');
        Validator.Validate(Element("DE0006"), wrongLast).Error.Code.ShouldBe("credit_code.check_character");
    }

    private static char OrganisationCheck(string first8)
    {
        int[] weights = [3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = first8[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * weights[i];
        }
        var check = 11 - sum % 11;
        return check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) };
    }

    [Theory]
    [InlineData("370102", true)]
    [InlineData("370102001", true)]
    [InlineData("370012", false)]
    [InlineData("3701", false)]
    [InlineData("990000", false)]
    public void Validate_DivisionCode_ChecksStructure(string value, bool valid) =>
        Validator.Validate(Element("DE0009"), value).IsSuccess.ShouldBe(valid);

    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData("0531-88886666", "0531-88886666")]
    [InlineData("+86 138 0013 8000", "13800138000")]
    public void Validate_Phone_AcceptsAndCanonicalises(string value, string canonical) =>
        Validator.Validate(Element("DE0011"), value).Value.ShouldBe(canonical);

    [Theory]
    [InlineData("12345")]
    [InlineData("1280013800")]
    [InlineData("0531-0888666")]
    public void Validate_BadPhone_Fails(string value) =>
        Validator.Validate(Element("DE0011"), value).Error.Code.ShouldStartWith("phone_number.");

    [Fact]
    public void Validate_GenderCodeList_AcceptsGbt22611CodesOnly()
    {
        Validator.Validate(Element("DE0003"), "2").Value.ShouldBe("2");
        Validator.Validate(Element("DE0003"), "9").IsSuccess.ShouldBeTrue();
        var bad = Validator.Validate(Element("DE0003"), "3");
        bad.Error.Code.ShouldBe("element.code_list");
        bad.Error.Message.ShouldContain("1 男性");
    }

    [Fact]
    public void Validate_EthnicGroup_HasAll56GroupsAndRejectsOthers()
    {
        Element("DE0005").CodeList.Count(c => c.Code.CompareTo("57") < 0).ShouldBe(56);
        Validator.Validate(Element("DE0005"), "01").IsSuccess.ShouldBeTrue();
        Validator.Validate(Element("DE0005"), "57").IsSuccess.ShouldBeFalse();
    }

    [Theory]
    [InlineData("2024-03-15", "2024-03-15")]
    [InlineData("20240315", "2024-03-15")]
    public void Validate_Date_Canonicalises(string value, string canonical) =>
        Validator.Validate(Element("DE0004"), value).Value.ShouldBe(canonical);

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("15/03/2024")]
    public void Validate_BadDate_Fails(string value) => Validator.Validate(Element("DE0004"), value).Error.Code.ShouldBe("element.date");

    [Theory]
    [InlineData("zhang.san@example.com", true)]
    [InlineData("zhang.san@localhost", false)]
    [InlineData("zhang san@example.com", false)]
    [InlineData("@example.com", false)]
    public void Validate_Email(string value, bool valid) => Validator.Validate(Element("DE0013"), value).IsSuccess.ShouldBe(valid);

    [Theory]
    [InlineData("250014", true)]
    [InlineData("25001", false)]
    [InlineData("950014", false)]
    public void Validate_PostalCode(string value, bool valid) => Validator.Validate(Element("DE0014"), value).IsSuccess.ShouldBe(valid);

    [Fact]
    public void Validate_RealEstateUnitNumber_ChecksLengthStructureAndDivision()
    {
        const string valid = "370102001002GB00001F00010001";
        valid.Length.ShouldBe(28);
        Validator.Validate(Element("DE0012"), valid).Value.ShouldBe(valid);
        Validator.Validate(Element("DE0012"), valid[..27]).Error.Code.ShouldBe("element.real_estate_unit.length");
        Validator.Validate(Element("DE0012"), "370102001002XB00001F00010001").Error.Code.ShouldBe("element.real_estate_unit.structure");
        Validator.Validate(Element("DE0012"), "370012001002GB00001F00010001").Error.Code.ShouldBe("element.real_estate_unit.division");
    }

    [Fact]
    public void Validate_Pattern_SocialSecurityCard()
    {
        Validator.Validate(Element("DE0017"), "A12345678").IsSuccess.ShouldBeTrue();
        Validator.Validate(Element("DE0017"), "a1234567").Error.Code.ShouldBe("element.pattern");
    }

    [Fact]
    public void Validate_DecimalAndLength()
    {
        Validator.Validate(Element("DE0015"), "100.50").Value.ShouldBe("100.50");
        Validator.Validate(Element("DE0015"), "一百").Error.Code.ShouldBe("element.decimal");
        Validator.Validate(Element("DE0002"), new string('张', 51)).Error.Code.ShouldBe("element.max_length");
    }

    [Fact]
    public void Validate_Empty_IsRequiredError() => Validator.Validate(Element("DE0002"), "  ").Error.Code.ShouldBe("element.required");

    [Fact]
    public void Validate_HostilePattern_TimesOutInsteadOfHanging()
    {
        var element = Element("DE0017") with { Pattern = "^(a+)+$", MaxLength = null };
        var result = Validator.Validate(element, new string('a', 40) + "!");
        result.IsSuccess.ShouldBeFalse();
    }
}
