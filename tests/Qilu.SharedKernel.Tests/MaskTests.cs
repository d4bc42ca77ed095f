using Qilu.SharedKernel.Masking;
using Shouldly;

namespace Qilu.SharedKernel.Tests;

public sealed class MaskTests
{
    [Theory]
    [InlineData("370102198001011237", "3701**********1237")]
    [InlineData("11010519491231002x", "1101**********002X")]
    [InlineData("370102800101123", "3701**********1237")] // legacy: masked in its 18-digit upgrade
    [InlineData("370102198001011230", "3701**********1230")] // bad check: still 4 + 4
    [InlineData("abcdefghijklmnop", "abcd********mnop")]
    [InlineData("12345678", "********")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void IdNumber_MasksMiddle(string? input, string expected)
    {
        Mask.IdNumber(input).ShouldBe(expected);
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("+86 138-1234-5678", "138****5678")]
    [InlineData("0531-88886666", "0531-****6666")]
    [InlineData("1381234567", "******4567")] // malformed: last 4 only
    [InlineData("1234567", "*******")]
    [InlineData(null, "")]
    public void Phone_MasksMiddle(string? input, string expected)
    {
        Mask.Phone(input).ShouldBe(expected);
    }

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("欧阳修", "欧**")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData(" 李四 ", "李*")]
    [InlineData("张", "*")]
    [InlineData("𠮷野家", "𠮷**")]
    [InlineData("买买提·艾力", "买*****")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Name_KeepsFirstCharacter(string? input, string expected)
    {
        Mask.Name(input).ShouldBe(expected);
    }

    [Theory]
    [InlineData("zhangsan@example.com", "z***@example.com")]
    [InlineData("a@example.com", "***@example.com")]
    [InlineData("no-at-sign", "***")]
    [InlineData("two@@example.com", "***")]
    [InlineData("@example.com", "***")]
    [InlineData("user@", "***")]
    [InlineData(null, "")]
    public void Email_KeepsFirstCharacterAndDomain(string? input, string expected)
    {
        Mask.Email(input).ShouldBe(expected);
    }

    [Theory]
    [InlineData("92350100MA0000023W", "923501********023W")]
    [InlineData("92350100ma0000023w", "923501********023W")]
    [InlineData("short", "*****")]
    public void CreditCode_KeepsFirstSixAndLastFour(string input, string expected)
    {
        Mask.CreditCode(input).ShouldBe(expected);
    }

    [Theory]
    [InlineData("\uD800")] // lone surrogate
    [InlineData("\u0000\u0001")]
    [InlineData("x")]
    [InlineData("@")]
    [InlineData("++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++")]
    public void AllMasks_WhenGarbage_DoNotThrowOrEcho(string input)
    {
        foreach (var mask in new Func<string?, string>[] { Mask.IdNumber, Mask.Phone, Mask.Name, Mask.Email, Mask.CreditCode })
        {
            var masked = Should.NotThrow(() => mask(input));
            if (input.Length > 1) masked.ShouldNotBe(input);
        }
    }
}
