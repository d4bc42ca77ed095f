using Qilu.Rules.Semantics;
using Shouldly;

namespace Qilu.Rules.Tests;

/// <summary>The JavaScript conversions JsonLogic inherits, against values JavaScript engines print.</summary>
public sealed class CoercionTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "1")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(123456789012345680000d, "123456789012345680000")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(1.5e-10, "1.5e-10")]
    [InlineData(2.5e25, "2.5e+25")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void NumberToString_WhenFormatted_MatchesJavaScript(double value, string expected) =>
        Js.NumberToString(value).ShouldBe(expected);

    [Fact]
    public void NumberToString_WhenNegativeZero_PrintsZero() => Js.NumberToString(-0.0).ShouldBe("0");

    [Theory]
    [InlineData("", 0)]
    [InlineData("  ", 0)]
    [InlineData(" 12 ", 12)]
    [InlineData("1e3", 1000)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    [InlineData("0x1A", 26)]
    [InlineData("0b101", 5)]
    [InlineData("12px", double.NaN)]
    [InlineData("1,000", double.NaN)]
    [InlineData("--1", double.NaN)]
    public void StringToNumber_WhenConverted_MatchesJavaScriptNumber(string text, double expected) =>
        Js.StringToNumber(text).ShouldBe(expected);

    [Theory]
    [InlineData("12px", 12)]
    [InlineData("  -3.5e2x", -350)]
    [InlineData("1e", 1)]
    [InlineData(".x", double.NaN)]
    [InlineData("Infinityx", double.PositiveInfinity)]
    [InlineData("", double.NaN)]
    public void ParseFloat_WhenPrefixIsNumeric_ParsesPrefix(string text, double expected) =>
        Js.ParseFloat(text).ShouldBe(expected);

    [Fact]
    public void ParseFloat_WhenNotString_ConvertsThroughString()
    {
        Js.ParseFloat(null).ShouldBe(double.NaN);
        Js.ParseFloat(true).ShouldBe(double.NaN);
        Js.ParseFloat(new object?[] { 1.0, 2.0 }).ShouldBe(1);
    }

    [Fact]
    public void LooseEquals_WhenJavaScriptTable_Agrees()
    {
        Js.LooseEquals(null, null).ShouldBeTrue();
        Js.LooseEquals(null, 0d).ShouldBeFalse();
        Js.LooseEquals(null, false).ShouldBeFalse();
        Js.LooseEquals(0d, false).ShouldBeTrue();
        Js.LooseEquals("", false).ShouldBeTrue();
        Js.LooseEquals("1", true).ShouldBeTrue();
        Js.LooseEquals("true", true).ShouldBeFalse();
        Js.LooseEquals(double.NaN, double.NaN).ShouldBeFalse();
        Js.LooseEquals(new object?[] { 1.0 }, "1").ShouldBeTrue();
        Js.LooseEquals(Array.Empty<object?>(), 0d).ShouldBeTrue();
        Js.LooseEquals(new object?[] { 1.0 }, new object?[] { 1.0 }).ShouldBeFalse();
    }

    [Fact]
    public void Truthy_WhenJsonLogicDefinition_EmptyArrayIsFalsy()
    {
        Js.Truthy(Array.Empty<object?>()).ShouldBeFalse();
        Js.Truthy(new object?[] { 0d }).ShouldBeTrue();
        Js.Truthy("0").ShouldBeTrue();
        Js.Truthy(double.NaN).ShouldBeFalse();
        Js.Truthy(new System.Text.Json.Nodes.JsonObject()).ShouldBeTrue();
    }
}
