using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Identifiers;
using Shouldly;

namespace Qilu.SharedKernel.Tests;

public sealed class DivisionScopeTests
{
    [Theory]
    [InlineData("370000", "37")]
    [InlineData("370100", "3701")]
    [InlineData("370102", "370102")]
    [InlineData("370102001", "370102001")]
    [InlineData("370102001002", "370102001002")]
    [InlineData("370102000000", "370102")]
    [InlineData("370102001000", "370102001")]
    [InlineData("370000000000", "37")]
    [InlineData("441900003", "441900003")]
    [InlineData("441900000", "4419")]
    [InlineData("370100000", "3701")]
    public void PrefixOf_StripsTrailingZeroLevels(string code, string prefix)
    {
        DivisionScope.PrefixOf(code).ShouldBe(prefix);
        DivisionScope.LikePattern(code).ShouldBe(prefix + "%");
    }

    [Fact]
    public void PrefixOf_WhenNull_Throws()
    {
        Should.Throw<ArgumentNullException>(() => DivisionScope.PrefixOf(null!));
    }

    [Theory]
    [InlineData("370000")]
    [InlineData("370100")]
    [InlineData("370102")]
    [InlineData("370102001")]
    [InlineData("370102001002")]
    [InlineData("441900003")]
    [InlineData("110100")]
    public void PrefixOf_AgreesWithDivisionCodePrefix(string code)
    {
        DivisionScope.PrefixOf(code).ShouldBe(DivisionCode.Parse(code).Value.Prefix);
    }
}
