using Qilu.Notices.Notices;
using Qilu.SharedKernel.Actors;
using Shouldly;

namespace Qilu.Notices.Tests;

/// <summary>The division arithmetic behind 本单位及下级.</summary>
public sealed class NoticeScopeTests
{
    private static Actor Official(string division) => new(ActorKind.Official, "t", "t", division, Guid.NewGuid(), new HashSet<string>(), new HashSet<string>(), RealNameLevel.None);

    [Theory]
    [InlineData("370102", new[] { "370000", "370100", "370102" })]
    [InlineData("370100", new[] { "370000", "370100" })]
    [InlineData("370102001", new[] { "370000", "370100", "370102", "370102001" })]
    public void AncestorCodes_WhenCountyOrTown_ListsEveryAncestorAsUnitsStoreIt(string division, string[] expected)
    {
        var codes = NoticeScope.AncestorCodes(division);
        foreach (var e in expected) codes.ShouldContain(e);
        codes.ShouldNotContain("370200");
        codes.ShouldNotContain("370101");
        codes.ShouldAllBe(c => NoticeScope.InAudience(Official(division), c), "the list and the per-notice rule must agree");
    }

    [Fact]
    public void InAudience_WhenCitizenOrSiblingDivision_IsFalse()
    {
        NoticeScope.InAudience(Official("370202"), "370100").ShouldBeFalse();
        NoticeScope.InAudience(Official("370100"), "370102").ShouldBeFalse();
        NoticeScope.InAudience(Official("370102"), "370000").ShouldBeTrue();
        NoticeScope.InAudience(new Actor(ActorKind.Citizen, "c", "c", "370102", null, new HashSet<string>(), new HashSet<string>(), RealNameLevel.Basic), "370100").ShouldBeFalse();
    }
}
