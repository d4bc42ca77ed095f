using Qilu.SharedKernel.Text;
using Shouldly;

namespace Qilu.SharedKernel.Tests;

public sealed class CsvTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("济南市", "济南市")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+86 13800000000", "'+86 13800000000")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-5", "-5")]        // a plain number stays a number
    [InlineData("-1.5e3", "-1.5e3")]
    [InlineData("-cmd", "'-cmd")]
    public void Cell_QuotesAndNeutralisesFormulasForSpreadsheets(string? value, string expected) => Csv.Cell(value).ShouldBe(expected);

    [Fact]
    public void Cell_ForPrograms_KeepsTheValueExactly() => Csv.Cell("=1+1", forSpreadsheet: false).ShouldBe("=1+1");
}
