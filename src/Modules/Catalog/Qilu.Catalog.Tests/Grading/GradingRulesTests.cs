using Qilu.Catalog.Contracts;
using Qilu.Catalog.Grading;
using Shouldly;

namespace Qilu.Catalog.Tests.Grading;

/// <summary>The grading rules: 就高从严, drivers named, the grade × share/open matrix, impact floors, element floors.</summary>
public sealed class GradingRulesTests
{
    private static readonly DataGrade[] AllGrades = Enum.GetValues<DataGrade>();

    [Fact]
    public void Combine_WhenFieldsDiffer_TakesTheHighest()
    {
        GradePolicy.Combine([DataGrade.L1, DataGrade.L3, DataGrade.L2]).ShouldBe(DataGrade.L3);
        GradePolicy.Combine([DataGrade.L4, DataGrade.Important]).ShouldBe(DataGrade.Important);
        GradePolicy.Combine([DataGrade.Core, DataGrade.L1]).ShouldBe(DataGrade.Core);
        GradePolicy.Combine([]).ShouldBe(DataGrade.L1);
    }

    [Fact]
    public void Combine_ForEveryPair_IsCommutativeAndNeverBelowEither()
    {
        foreach (var a in AllGrades)
        foreach (var b in AllGrades)
        {
            var ab = GradePolicy.Combine([a, b]);
            ab.ShouldBe(GradePolicy.Combine([b, a]));
            ((int)ab).ShouldBeGreaterThanOrEqualTo((int)a);
            ((int)ab).ShouldBeGreaterThanOrEqualTo((int)b);
            (ab == a || ab == b).ShouldBeTrue();
        }
    }

    [Fact]
    public void Grade_WhenOneFieldIsHighest_NamesThatField()
    {
        var outcome = GradingRules.Grade(
            [new GradedField(0, "姓名", DataGrade.L3), new GradedField(1, "公民身份号码", DataGrade.L4), new GradedField(2, "性别", DataGrade.L2)],
            declared: null, GradingFactors.Empty);
        outcome.Grade.ShouldBe(DataGrade.L4);
        outcome.DriverField.ShouldBe("items[1].grade");
        outcome.DriverLabel.ShouldContain("公民身份号码");
    }

    [Fact]
    public void Grade_WhenDeclaredGradeIsHigherThanFields_DeclaredWins()
    {
        var outcome = GradingRules.Grade([new GradedField(0, "企业名称", DataGrade.L1)], DataGrade.Important, GradingFactors.Empty);
        outcome.Grade.ShouldBe(DataGrade.Important);
        outcome.DriverField.ShouldBe("declaredGrade");
    }

    [Fact]
    public void Grade_WhenDeclaredGradeIsLowerThanAField_FieldWins()
    {
        var outcome = GradingRules.Grade([new GradedField(0, "公民身份号码", DataGrade.L4)], DataGrade.L1, GradingFactors.Empty);
        outcome.Grade.ShouldBe(DataGrade.L4);
        outcome.DriverField.ShouldBe("items[0].grade");
    }

    [Fact]
    public void Grade_WhenImpactAnalysisImpliesMore_ImpactRaisesTheGrade()
    {
        var outcome = GradingRules.Grade([new GradedField(0, "企业名称", DataGrade.L1)], null,
            new GradingFactors(["规模"], "公共利益", "严重危害", null));
        outcome.Grade.ShouldBe(DataGrade.Important);
        outcome.DriverField.ShouldBe("grading.impactDegree");
    }

    [Theory]
    [InlineData("国家安全", "特别严重危害", DataGrade.Core)]
    [InlineData("国家安全", "严重危害", DataGrade.Core)]
    [InlineData("国家安全", "一般危害", DataGrade.Important)]
    [InlineData("经济运行", "特别严重危害", DataGrade.Core)]
    [InlineData("社会秩序", "严重危害", DataGrade.Important)]
    [InlineData("公共利益", "一般危害", DataGrade.L4)]
    [InlineData("个人权益", "特别严重危害", DataGrade.L4)]
    [InlineData("个人权益", "严重危害", DataGrade.L3)]
    [InlineData("组织权益", "一般危害", DataGrade.L2)]
    [InlineData("组织权益", "轻微危害", DataGrade.L1)]
    [InlineData("个人权益", "无危害", DataGrade.L1)]
    public void Floor_ForImpactObjectAndDegree_GivesTheLeastGrade(string obj, string degree, DataGrade expected) =>
        GradingVocabulary.Floor(obj, degree).ShouldBe(expected);

    [Fact]
    public void Floor_WhenNothingRecordedOrUnknown_IsNull()
    {
        GradingVocabulary.Floor(null, "严重危害").ShouldBeNull();
        GradingVocabulary.Floor("国家安全", null).ShouldBeNull();
        GradingVocabulary.Floor("国家安全", "很严重").ShouldBeNull();
    }

    [Fact]
    public void Floor_ForEveryObject_NeverDecreasesAsHarmGrowsWorse()
    {
        foreach (var obj in GradingVocabulary.ImpactObjects)
        {
            var grades = GradingVocabulary.ImpactDegrees.Select(d => GradingVocabulary.Floor(obj, d)!.Value).ToList();
            for (var i = 1; i < grades.Count; i++) ((int)grades[i]).ShouldBeLessThanOrEqualTo((int)grades[i - 1], $"{obj}: {GradingVocabulary.ImpactDegrees[i]}");
        }
    }

    /// <summary>The matrix written out independently of <see cref="GradePolicy"/>: which share types each grade allows.</summary>
    [Theory]
    [InlineData(DataGrade.L1, ShareType.Unconditional, true)]
    [InlineData(DataGrade.L2, ShareType.Unconditional, true)]
    [InlineData(DataGrade.L3, ShareType.Unconditional, false)]
    [InlineData(DataGrade.L3, ShareType.Conditional, true)]
    [InlineData(DataGrade.L4, ShareType.Unconditional, false)]
    [InlineData(DataGrade.L4, ShareType.Conditional, true)]
    [InlineData(DataGrade.Important, ShareType.Unconditional, false)]
    [InlineData(DataGrade.Important, ShareType.Conditional, true)]
    [InlineData(DataGrade.Important, ShareType.NotShared, true)]
    [InlineData(DataGrade.Core, ShareType.Conditional, false)]
    [InlineData(DataGrade.Core, ShareType.Unconditional, false)]
    [InlineData(DataGrade.Core, ShareType.NotShared, true)]
    public void PublicationErrors_ForGradeAndShareType_AllowsOnlyWhatThePolicySays(DataGrade grade, ShareType share, bool allowed)
    {
        var errors = GradingRules.PublicationErrors(new GradingOutcome(grade, "items[0].grade", "信息项“x”"), share, OpenType.NotOpen);
        errors.Any(e => e.Code == "grading.share_type_forbidden").ShouldBe(!allowed);
    }

    [Theory]
    [InlineData(DataGrade.L1, OpenType.Unconditional, true)]
    [InlineData(DataGrade.L2, OpenType.Unconditional, false)]
    [InlineData(DataGrade.L2, OpenType.Conditional, true)]
    [InlineData(DataGrade.L3, OpenType.Conditional, false)]
    [InlineData(DataGrade.L4, OpenType.Conditional, false)]
    [InlineData(DataGrade.Important, OpenType.Conditional, false)]
    [InlineData(DataGrade.Core, OpenType.Unconditional, false)]
    public void PublicationErrors_ForGradeAndOpenType_AllowsOnlyWhatThePolicySays(DataGrade grade, OpenType open, bool allowed)
    {
        var errors = GradingRules.PublicationErrors(new GradingOutcome(grade, "declaredGrade", "目录整体定级"), ShareType.NotShared, open);
        errors.Any(e => e.Code == "grading.open_type_forbidden").ShouldBe(!allowed);
    }

    [Fact]
    public void PublicationErrors_ForEveryGrade_NotSharedAndNotOpenIsAlwaysAllowed()
    {
        foreach (var g in AllGrades)
            GradingRules.PublicationErrors(new GradingOutcome(g, "items", "x"), ShareType.NotShared, OpenType.NotOpen).ShouldBeEmpty();
    }

    [Fact]
    public void PublicationErrors_WhenForbidden_NameTheDrivingFieldAndQuoteTheRule()
    {
        var outcome = GradingRules.Grade([new GradedField(0, "企业名称", DataGrade.L1), new GradedField(1, "公民身份号码", DataGrade.L4)], null, GradingFactors.Empty);
        var errors = GradingRules.PublicationErrors(outcome, ShareType.Unconditional, OpenType.Unconditional);
        errors.Count.ShouldBe(2);
        errors.ShouldAllBe(e => e.Field == "items[1].grade");
        errors[0].Message.ShouldContain("公民身份号码");
        errors[0].Message.ShouldContain("无条件共享");
        errors[0].Message.ShouldContain(GradePolicy.For(DataGrade.L4).RuleZh);
        errors[1].Message.ShouldContain("无条件开放");
    }

    [Fact]
    public void MaskingFor_AsGradeRises_NeverLoosens()
    {
        for (var i = 1; i < AllGrades.Length; i++)
            ((int)GradePolicy.MaskingFor(AllGrades[i])).ShouldBeGreaterThanOrEqualTo((int)GradePolicy.MaskingFor(AllGrades[i - 1]));
        GradePolicy.MaskingFor(DataGrade.L1).ShouldBe(MaskingRule.None);
        GradePolicy.MaskingFor(DataGrade.L3).ShouldBe(MaskingRule.Partial);
        GradePolicy.MaskingFor(DataGrade.Core).ShouldBe(MaskingRule.Redact);
    }

    [Fact]
    public void AllowedWays_AsGradeRises_NeverWiden()
    {
        for (var i = 1; i < AllGrades.Length; i++)
        {
            var lower = GradePolicy.For(AllGrades[i - 1]);
            var higher = GradePolicy.For(AllGrades[i]);
            higher.AllowedShareTypes.ShouldAllBe(s => lower.AllowedShareTypes.Contains(s));
            higher.AllowedOpenTypes.ShouldAllBe(o => lower.AllowedOpenTypes.Contains(o));
        }
    }

    [Fact]
    public void BelowElementFloor_WhenItemGradedUnderItsElement_IsAnErrorOnThatItem()
    {
        var error = GradingRules.BelowElementFloor(3, "证件号", DataGrade.L2, "公民身份号码", DataGrade.L4);
        error.ShouldNotBeNull();
        error.Field.ShouldBe("items[3].grade");
        error.Code.ShouldBe("grading.below_element");
        GradingRules.BelowElementFloor(3, "证件号", DataGrade.L4, "公民身份号码", DataGrade.L4).ShouldBeNull();
        GradingRules.BelowElementFloor(3, "证件号", DataGrade.Important, "公民身份号码", DataGrade.L4).ShouldBeNull();
    }
}
