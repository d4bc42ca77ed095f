using Qilu.Hotline.Duplicates;
using Shouldly;

namespace Qilu.Hotline.Tests.Duplicates;

/// <summary>The similarity arithmetic behind 并单 suggestions.</summary>
public sealed class DuplicateMatcherTests
{
    [Fact]
    public void Dice_WhenTextsShareNothing_IsZeroAndWhenEqual_IsOne()
    {
        DuplicateMatcher.Dice("路灯不亮", "路灯不亮").ShouldBe(1);
        DuplicateMatcher.Dice("路灯不亮", "拖欠工资").ShouldBe(0);
        DuplicateMatcher.Dice("", "路灯").ShouldBe(0);
    }

    [Fact]
    public void Haversine_ForOneThousandthDegreeOfLatitude_IsAbout111Metres()
    {
        DuplicateMatcher.Haversine(36.665, 117.024, 36.666, 117.024).ShouldBe(111.2, 0.5);
    }

    [Fact]
    public void Compare_WhenFarApartButSameText_StaysBelowTheSuggestionThreshold()
    {
        var far = DuplicateMatcher.Compare("路灯不亮", null, 36.66, 117.02, "路灯不亮", null, 36.70, 117.10);
        far.Place.ShouldBe(0);
        far.Total.ShouldBeLessThan(DuplicateMatcher.SuggestAt + 0.06);
        var near = DuplicateMatcher.Compare("路灯不亮", null, 36.66, 117.02, "路灯不亮", null, 36.6605, 117.02);
        near.Total.ShouldBe(1);
    }
}
