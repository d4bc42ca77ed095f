using Qilu.Hotline.Classification;
using Shouldly;

namespace Qilu.Hotline.Tests.Classification;

/// <summary>The shipped taxonomy is a three-level tree of 6-digit codes in the style of GB/T 39666.</summary>
public sealed class TaxonomyTests
{
    // Identity's department kinds plus the extra kinds the first taxonomy draft already used (docs/hotline-classifier.md).
    private static readonly HashSet<string> UnitKinds =
    [
        "bigdata", "public_security", "market", "hrss", "health", "medical_insurance", "civil_affairs", "tax",
        "natural_resources", "ecology", "housing",
        "urban_management", "water", "transport", "emergency", "education", "agriculture", "commerce",
    ];

    // Level-3 codes of the first draft: tickets may already carry them, so they must keep their meaning.
    private static readonly string[] DraftCodes =
    [
        "010101", "010102", "010103", "010201", "010202", "010203", "010301", "010302", "010303", "020101", "020102",
        "020103", "020201", "020202", "020203", "030101", "030102", "030201", "030202", "030203", "040101", "040102",
        "040201", "040202", "040203", "050101", "050102", "050103", "050201", "050202", "060101", "060102", "060103",
        "070101", "070102", "070201", "070202", "080101", "080102", "080103", "090101", "090102", "090103", "100101",
        "100102", "100103", "100104", "110101", "110102", "110103", "110201", "110202", "120101", "120102", "120103",
        "120201", "120202",
    ];

    private readonly HotlineTaxonomy taxonomy = HotlineTaxonomy.Embedded;

    [Fact]
    public void Codes_WhenLoaded_AreUniqueSixDigitsShapedByLevel()
    {
        taxonomy.All.Select(c => c.Code).ShouldBeUnique();
        foreach (var c in taxonomy.All)
        {
            c.Code.ShouldMatch("^[0-9]{6}$");
            c.Name.ShouldNotBeNullOrWhiteSpace();
            switch (c.Level)
            {
                case 1:
                    c.Code.ShouldEndWith("0000");
                    c.ParentCode.ShouldBeNull();
                    break;
                case 2:
                    c.Code.ShouldEndWith("00");
                    c.Code[2..4].ShouldNotBe("00");
                    c.ParentCode.ShouldBe(c.Code[..2] + "0000");
                    break;
                case 3:
                    c.Code[4..].ShouldNotBe("00");
                    c.ParentCode.ShouldBe(c.Code[..4] + "00");
                    break;
                default:
                    throw new ShouldAssertException($"{c.Code} has level {c.Level}");
            }

            if (c.ParentCode is not null)
            {
                taxonomy.Find(c.ParentCode).ShouldNotBeNull($"parent of {c.Code}").Level.ShouldBe(c.Level - 1);
            }
        }
    }

    [Fact]
    public void Tree_WhenLoaded_HasTwelveMajorClassesAndNoEmptyBranch()
    {
        taxonomy.All.Count(c => c.Level == 1).ShouldBe(12);
        taxonomy.All.Count(c => c.Level == 2).ShouldBeGreaterThanOrEqualTo(30);
        taxonomy.Leaves.Count.ShouldBeGreaterThanOrEqualTo(100);
        foreach (var branch in taxonomy.All.Where(c => c.Level < 3))
        {
            taxonomy.ChildrenOf(branch.Code).ShouldNotBeEmpty($"{branch.Code} {branch.Name} has no children");
        }

        foreach (var parent in taxonomy.All.Where(c => c.Level < 3))
        {
            taxonomy.ChildrenOf(parent.Code).Select(c => c.Name).ShouldBeUnique();
        }
    }

    [Fact]
    public void UnitKind_WhenLevelThree_IsAKnownDepartmentKindElseAbsent()
    {
        foreach (var c in taxonomy.All)
        {
            if (c.Level == 3)
            {
                UnitKinds.ShouldContain(c.UnitKind!, $"{c.Code} {c.Name}");
            }
            else
            {
                c.UnitKind.ShouldBeNull();
            }
        }
    }

    [Fact]
    public void DraftCodes_WhenTaxonomyRevised_StillExistAtLevelThree()
    {
        foreach (var code in DraftCodes)
        {
            taxonomy.Find(code).ShouldNotBeNull(code).Level.ShouldBe(3);
        }

        taxonomy.Find("010101")!.Name.ShouldBe("占道经营");
        taxonomy.Find("040202")!.UnitKind.ShouldBe("medical_insurance");
    }

    [Fact]
    public void PathOf_WhenLevelThree_RunsFromTheMajorClassDown()
    {
        taxonomy.PathOf("010101").Select(c => c.Name).ShouldBe(["城乡建设", "市容环境", "占道经营"]);
        taxonomy.PathOf("050000").Select(c => c.Code).ShouldBe(["050000"]);
        taxonomy.PathOf("999999").ShouldBeEmpty();
        taxonomy.Find("01").ShouldBeNull();
        taxonomy.ChildrenOf("010101").ShouldBeEmpty();
    }
}
