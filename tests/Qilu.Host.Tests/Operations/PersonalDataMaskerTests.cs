using Qilu.Host.Operations;
using Shouldly;

namespace Qilu.Host.Tests.Operations;

public sealed class PersonalDataMaskerTests
{
    [Theory]
    [InlineData("身份证号 370102199003071234 已核验", "身份证号 3701**********1234 已核验")]
    [InlineData("id=11010519491231002X&x=1", "id=1101**********002X&x=1")]
    [InlineData("11010519491231002x", "1101**********002x")]
    [InlineData("/api/people/440305200012319876", "/api/people/4403**********9876")]
    public void Mask_WhenTextHoldsIdNumber_KeepsFirstFourAndLastFour(string input, string expected) =>
        PersonalDataMasker.Mask(input).ShouldBe(expected);

    [Theory]
    [InlineData("手机13812345678", "手机138****5678")]
    [InlineData("tel: 199 0000 1111.", "tel: 199****1111.")]
    [InlineData("+86 138-1234-5678", "+86 138****5678")]
    [InlineData("008615912345678", "0086159****5678")]
    [InlineData("a:13812345678,b:13912345678", "a:138****5678,b:139****5678")]
    public void Mask_WhenTextHoldsMobileNumber_KeepsFirstThreeAndLastFour(string input, string expected) =>
        PersonalDataMasker.Mask(input).ShouldBe(expected);

    [Theory]
    [InlineData("order 2024010112345678901234")]
    [InlineData("landline 12345678901")]
    [InlineData("ten digits 1381234567")]
    [InlineData("twelve digits 138123456789")]
    [InlineData("month 13: 370102199013071234")]
    [InlineData("trace 4bf92f3577b34da6a3ce929d0e0e4736")]
    [InlineData("")]
    public void Mask_WhenTextHoldsNoPersonalNumber_ReturnsItUnchanged(string input) =>
        PersonalDataMasker.Mask(input).ShouldBe(input);

    [Fact]
    public void Mask_WhenIdAndMobileAreAdjacentToChinese_MasksBoth() =>
        PersonalDataMasker.Mask("张三370102199003071234电话13812345678").ShouldBe("张三3701**********1234电话138****5678");
}
