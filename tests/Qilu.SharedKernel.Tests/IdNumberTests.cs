using Qilu.SharedKernel.Identifiers;
using Shouldly;

namespace Qilu.SharedKernel.Tests;

public sealed class IdNumberTests
{
    // trust.md §6.1 synthetic vectors (computed, not registry data).
    [Theory]
    [InlineData("110101190001010006", "110101", 1900, 1, 1, Gender.Female)]
    [InlineData("440304199912310015", "440304", 1999, 12, 31, Gender.Male)]
    [InlineData("510107200002290029", "510107", 2000, 2, 29, Gender.Female)]
    [InlineData("11010519491231002X", "110105", 1949, 12, 31, Gender.Female)]
    public void Parse_WhenReferenceVector_ExposesParts(string input, string region, int year, int month, int day, Gender gender)
    {
        var result = IdNumber.Parse(input);

        result.IsSuccess.ShouldBeTrue();
        var id = result.Value;
        id.ToString().ShouldBe(input);
        id.RegionCode.ShouldBe(region);
        id.BirthDate.ShouldBe(new DateOnly(year, month, day));
        id.Gender.ShouldBe(gender);
        id.SequenceCode.ShouldBe(input[14..17]);
        id.CheckCharacter.ShouldBe(input[17]);
        id.WasUpgradedFromLegacy.ShouldBeFalse();
    }

    [Theory]
    [InlineData("110101190001010007", "id_number.check_digit")]
    [InlineData("510107190002290022", "id_number.birth_date")]
    [InlineData("110101209913010014", "id_number.birth_date")]
    [InlineData("999999198001010011", "id_number.region")]
    public void Parse_WhenReferenceNegative_FailsWithCode(string input, string code)
    {
        IdNumber.Parse(input).Error.Code.ShouldBe(code);
    }

    [Fact]
    public void Parse_WhenCheckDigitWrong_MessageStatesExpectedCharacter()
    {
        var error = IdNumber.Parse("110101190001010007").Error;

        error.Message.ShouldContain("“6”");
        error.MessageEn.ShouldContain("'6'");
    }

    [Fact]
    public void Parse_WhenLowerCaseX_NormalisesToUpperCase()
    {
        var id = IdNumber.Parse("11010519491231002x").Value;

        id.ToString().ShouldBe("11010519491231002X");
        id.ShouldBe(IdNumber.Parse("11010519491231002X").Value);
    }

    [Fact]
    public void Parse_WhenFullWidthAndPadded_Normalises()
    {
        IdNumber.Parse("  １１０１０５１９４９１２３１００２ｘ ").Value.ToString().ShouldBe("11010519491231002X");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_WhenBlank_FailsRequired(string? input)
    {
        IdNumber.Parse(input).Error.Code.ShouldBe("id_number.required");
    }

    [Theory]
    [InlineData("1101011900010100")]
    [InlineData("11010119000101000")]
    [InlineData("1101011900010100061")]
    public void Parse_WhenLengthWrong_FailsLength(string input)
    {
        IdNumber.Parse(input).Error.Code.ShouldBe("id_number.length");
    }

    [Theory]
    [InlineData("1101011900010100A6")]
    [InlineData("11010119000101000Y")]
    [InlineData("X10101190001010006")]
    [InlineData("37010280010112X")]
    public void Parse_WhenCharactersInvalid_FailsCharacters(string input)
    {
        IdNumber.Parse(input).Error.Code.ShouldBe("id_number.characters");
    }

    [Theory]
    [InlineData("100101")] // 10 is not a province
    [InlineData("380101")] // 38 is not a province
    [InlineData("370001")] // county part under a zero city part
    public void Parse_WhenRegionInvalid_FailsRegion(string region)
    {
        var body = region + "19800101123";

        IdNumber.Parse(body + IdNumber.ComputeCheckCharacter(body)).Error.Code.ShouldBe("id_number.region");
    }

    [Fact]
    public void Parse_WhenResidencePermitRegion830000_Succeeds()
    {
        const string body = "83000019800101123";

        IdNumber.Parse(body + IdNumber.ComputeCheckCharacter(body)).IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [InlineData("18991231")] // before 1900
    [InlineData("19810229")] // not a leap year
    [InlineData("19800431")] // April has 30 days
    [InlineData("19800100")] // day 0
    public void Parse_WhenBirthDateInvalid_FailsBirthDate(string date)
    {
        var body = "370102" + date + "123";

        IdNumber.Parse(body + IdNumber.ComputeCheckCharacter(body)).Error.Code.ShouldBe("id_number.birth_date");
    }

    [Fact]
    public void Parse_WhenBirthDateAfterToday_FailsBirthDate()
    {
        const string body = "37010220300101123";
        var input = body + IdNumber.ComputeCheckCharacter(body);

        IdNumber.Parse(input).IsSuccess.ShouldBeTrue();
        IdNumber.Parse(input, new DateOnly(2029, 12, 31)).Error.Code.ShouldBe("id_number.birth_date");
        IdNumber.Parse(input, new DateOnly(2030, 1, 1)).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void Parse_WithTimeProvider_UsesChinaStandardDate()
    {
        const string body = "37010220300101123";
        var input = body + IdNumber.ComputeCheckCharacter(body);
        // 2029-12-31 17:00 UTC is already 2030-01-01 01:00 in Beijing: born "today", not in the future.
        var clock = new FixedTimeProvider(new DateTimeOffset(2029, 12, 31, 17, 0, 0, TimeSpan.Zero));
        var earlier = new FixedTimeProvider(new DateTimeOffset(2029, 12, 31, 15, 0, 0, TimeSpan.Zero));

        IdNumber.Parse(input, clock).IsSuccess.ShouldBeTrue();
        IdNumber.Parse(input, earlier).Error.Code.ShouldBe("id_number.birth_date");
    }

    [Theory]
    [InlineData("440304991231001", "440304199912310015")]
    [InlineData("370102800101123", "370102198001011237")]
    public void Parse_WhenLegacy15Digits_UpgradesTo18(string legacy, string upgraded)
    {
        var id = IdNumber.Parse(legacy).Value;

        id.ToString().ShouldBe(upgraded);
        id.WasUpgradedFromLegacy.ShouldBeTrue();
        id.ShouldBe(IdNumber.Parse(upgraded).Value);
        id.BirthDate.ShouldBe(DateOnly.ParseExact(upgraded[6..14], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Parse_WhenLegacyDateInvalid_FailsBirthDate()
    {
        IdNumber.Parse("370102810229123").Error.Code.ShouldBe("id_number.birth_date");
    }

    [Fact]
    public void Masked_KeepsFirstFourAndLastFour()
    {
        IdNumber.Parse("370102198001011237").Value.Masked().ShouldBe("3701**********1237");
    }

    [Fact]
    public void AgeOn_CountsWholeYears()
    {
        var id = IdNumber.Parse("510107200002290029").Value;

        id.AgeOn(new DateOnly(2018, 2, 28)).ShouldBe(17);
        id.AgeOn(new DateOnly(2018, 3, 1)).ShouldBe(18);
        id.AgeOn(new DateOnly(2020, 2, 29)).ShouldBe(20);
    }

    [Fact]
    public void TryParse_ReturnsFalseAndDefault_OnFailure()
    {
        IdNumber.TryParse("110101190001010007", out var id).ShouldBeFalse();
        id.ShouldBe(default);
        id.ToString().ShouldBe("");
        id.Masked().ShouldBe("");
        IdNumber.TryParse("110101190001010006", out var ok).ShouldBeTrue();
        ok.ToString().ShouldBe("110101190001010006");
    }

    // One number per residue of Σ(digit·weight) mod 11, check characters computed by an independent script,
    // so every entry of the 0..10 → 1,0,X,9,8,7,6,5,4,3,2 map is exercised.
    [Theory]
    [InlineData("370102198001010031")] // Σ mod 11 = 0
    [InlineData("370102198001010090")] // Σ mod 11 = 1
    [InlineData("37010219800101004X")] // Σ mod 11 = 2
    [InlineData("370102198001010189")] // Σ mod 11 = 3
    [InlineData("370102198001010058")] // Σ mod 11 = 4
    [InlineData("370102198001010007")] // Σ mod 11 = 5
    [InlineData("370102198001010066")] // Σ mod 11 = 6
    [InlineData("370102198001010015")] // Σ mod 11 = 7
    [InlineData("370102198001010074")] // Σ mod 11 = 8
    [InlineData("370102198001010023")] // Σ mod 11 = 9
    [InlineData("370102198001010082")] // Σ mod 11 = 10
    public void ComputeCheckCharacter_CoversEveryResidue(string number)
    {
        IdNumber.ComputeCheckCharacter(number.AsSpan(0, 17)).ShouldBe(number[17]);
        IdNumber.Parse(number).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void ComputeCheckCharacter_WhenNotSeventeenDigits_Throws()
    {
        Should.Throw<ArgumentException>(() => IdNumber.ComputeCheckCharacter("1234"));
    }
}
