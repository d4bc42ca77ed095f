using Qilu.SharedKernel.Identifiers;
using Shouldly;

namespace Qilu.SharedKernel.Tests;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678", "13812345678", PhoneNumberKind.Mobile, null, "138****5678")]
    [InlineData(" 138 1234 5678 ", "13812345678", PhoneNumberKind.Mobile, null, "138****5678")]
    [InlineData("138-1234-5678", "13812345678", PhoneNumberKind.Mobile, null, "138****5678")]
    [InlineData("+86 138 1234 5678", "13812345678", PhoneNumberKind.Mobile, null, "138****5678")]
    [InlineData("008613812345678", "13812345678", PhoneNumberKind.Mobile, null, "138****5678")]
    [InlineData("8619912345678", "19912345678", PhoneNumberKind.Mobile, null, "199****5678")]
    [InlineData("１３８１２３４５６７８", "13812345678", PhoneNumberKind.Mobile, null, "138****5678")]
    [InlineData("0531-88886666", "0531-88886666", PhoneNumberKind.Landline, "0531", "0531-****6666")]
    [InlineData("053188886666", "0531-88886666", PhoneNumberKind.Landline, "0531", "0531-****6666")]
    [InlineData("(0531) 8888-6666", "0531-88886666", PhoneNumberKind.Landline, "0531", "0531-****6666")]
    [InlineData("+86 531 88886666", "0531-88886666", PhoneNumberKind.Landline, "0531", "0531-****6666")]
    [InlineData("010-82345678", "010-82345678", PhoneNumberKind.Landline, "010", "010-****5678")]
    [InlineData("01062345678", "010-62345678", PhoneNumberKind.Landline, "010", "010-****5678")]
    [InlineData("021-6234567", "021-6234567", PhoneNumberKind.Landline, "021", "021-***4567")]
    [InlineData("0543-3234567", "0543-3234567", PhoneNumberKind.Landline, "0543", "0543-***4567")]
    public void Parse_WhenValid_Canonicalises(string input, string canonical, PhoneNumberKind kind, string? area, string masked)
    {
        var phone = PhoneNumber.Parse(input).Value;

        phone.ToString().ShouldBe(canonical);
        phone.Kind.ShouldBe(kind);
        phone.AreaCode.ShouldBe(area);
        phone.Masked().ShouldBe(masked);
        PhoneNumber.Parse(phone.ToString()).Value.ShouldBe(phone);
    }

    [Theory]
    [InlineData(null, "phone_number.required")]
    [InlineData("  ", "phone_number.required")]
    [InlineData("138x2345678", "phone_number.characters")]
    [InlineData("138.1234.5678", "phone_number.characters")]
    [InlineData("12812345678", "phone_number.mobile")]
    [InlineData("1381234567", "phone_number.mobile")]
    [InlineData("138123456789", "phone_number.mobile")]
    [InlineData("0531-1888666", "phone_number.landline")]
    [InlineData("0531-888866", "phone_number.landline")]
    [InlineData("0531-888866661", "phone_number.landline")]
    [InlineData("0011-88886666", "phone_number.landline")]
    [InlineData("011-88886666", "phone_number.landline")]
    [InlineData("88886666", "phone_number.format")]
    [InlineData("12345", "phone_number.mobile")]
    [InlineData("+44 20 7946 0958", "phone_number.format")]
    [InlineData("+", "phone_number.format")]
    public void Parse_WhenInvalid_FailsWithCode(string? input, string code)
    {
        PhoneNumber.Parse(input).Error.Code.ShouldBe(code);
    }

    [Fact]
    public void SubscriberNumber_ExcludesAreaCode()
    {
        PhoneNumber.Parse("0531-88886666").Value.SubscriberNumber.ShouldBe("88886666");
        PhoneNumber.Parse("13812345678").Value.SubscriberNumber.ShouldBe("13812345678");
    }

    [Fact]
    public void TryParse_ReportsOutcome()
    {
        PhoneNumber.TryParse("13812345678", out var ok).ShouldBeTrue();
        ok.Kind.ShouldBe(PhoneNumberKind.Mobile);
        PhoneNumber.TryParse("1381234567", out var bad).ShouldBeFalse();
        bad.Masked().ShouldBe("");
    }
}
