using Qilu.SharedKernel.Identifiers;
using Shouldly;

namespace Qilu.SharedKernel.Tests;

/// <summary>电子证照标识 with the ISO 7064 MOD 37,36 check character, against the national-platform samples in trust.md §2.3.</summary>
public sealed class LicenceIdentifierTests
{
    [Theory]
    [InlineData("1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F")]
    [InlineData("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U")]
    [InlineData("1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0")]
    [InlineData("1.2.156.3005.2.11100000MB03271699022.340100.000000016.001.9")]
    public void Parse_WithPublishedSamples_Succeeds(string sample)
    {
        var result = LicenceIdentifier.Parse(sample);
        result.IsSuccess.ShouldBeTrue(result.ToString());
        result.Value.ToString().ShouldBe(sample);
        result.Value.CheckMatches.ShouldBeTrue();
    }

    [Fact]
    public void Parse_WithFlippedCheckCharacter_NamesTheExpectedOne()
    {
        var result = LicenceIdentifier.Parse("1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.G");
        result.IsSuccess.ShouldBeFalse();
        result.Error.Code.ShouldBe("licence_id.check_character");
        result.Error.Message.ShouldContain("校验位应为 F");
    }

    [Fact]
    public void ParseLenient_WithLegacyMismatch_AcceptsAndFlags()
    {
        var result = LicenceIdentifier.ParseLenient("1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.G");
        result.IsSuccess.ShouldBeTrue();
        result.Value.CheckMatches.ShouldBeFalse();
    }

    [Fact]
    public void Create_ComputesTheCheckCharacter_AndRoundTrips()
    {
        var created = LicenceIdentifier.Create("11100000000013338W032", "11220000013544541J", "2430599", 1);
        created.IsSuccess.ShouldBeTrue();
        created.Value.ToString().ShouldBe("1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F");
        LicenceIdentifier.Parse(created.Value.ToString()).Value.ShouldBe(created.Value);
    }

    [Theory]
    [InlineData("2.16.156.11100000000013338W032.11220000013544541J.2430599.001.F", "licence_id.root")]
    [InlineData("1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.F", "licence_id.parts")]
    [InlineData("1.2.156.3005.2.11100000000013338W03.11220000013544541J.2430599.001.F", "licence_id.type")]
    [InlineData("1.2.156.3005.2.11100000000013338W032.12345.2430599.001.F", "licence_id.issuer")]
    [InlineData("1.2.156.3005.2.11100000000013338W032.11220000013544541J.24-0599.001.F", "licence_id.serial")]
    [InlineData("1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.000.F", "licence_id.version")]
    [InlineData("", "licence_id.required")]
    public void Parse_WithMalformedInput_SaysWhich(string input, string code) =>
        LicenceIdentifier.Parse(input).Error.Code.ShouldBe(code);

    [Fact]
    public void CheckCharacter_AnySingleSubstitution_IsDetected()
    {
        // MOD 37,36 detects every single-character substitution: flip each body character and the check must change.
        const string body = "11100000000013338W03211220000013544541J2430599001";
        var check = LicenceIdentifier.ComputeCheckCharacter(body);
        const string symbols = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (var i = 0; i < body.Length; i++)
            foreach (var s in symbols.Where(s => s != body[i]))
                LicenceIdentifier.ComputeCheckCharacter(string.Concat(body.AsSpan(0, i), s.ToString(), body.AsSpan(i + 1))).ShouldNotBe(check, $"position {i} → {s}");
    }
}
