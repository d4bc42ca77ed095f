using Qilu.Matters.Bundles;
using Qilu.Matters.Contracts;
using Qilu.Matters.Forms;
using Shouldly;

namespace Qilu.Matters.Tests.Bundles;

public sealed class BundleMergerTests
{
    private static MatterDefinition Matter(string code, FormFieldDefinition[] fields, MaterialDefinition[] materials, int promised = 1) => new(
        Guid.NewGuid(), Guid.NewGuid(), code, null, code, MatterLevel.Main, null, MatterType.PublicService, "370000", null, 1, 1, "依据", "条件",
        materials, [new ProcedureStep("受理", "")], promised + 2, promised, new FeeDefinition(false), null, null, null, null, 3, 1,
        new FormDefinition(fields), new RoutingDefinition("health", "\"health\""), "wf", []);

    [Fact]
    public void MergeForm_WhenTwoMembersBindSameDataElement_AsksItOnceAndRequiredIfAnyRequires()
    {
        var a = Matter("371100101000", [new("mother", "母亲身份证号", FormFieldType.IdNumber, "母亲公民身份号码", false), new("note", "备注", FormFieldType.Text)], []);
        var b = Matter("370700102000", [new("m_id", "母亲公民身份号码", FormFieldType.IdNumber, "母亲公民身份号码", true),
            new("extra", "附加", FormFieldType.Text, null, false, VisibleWhen: "{\"!!\":[{\"var\":\"m_id\"}]}")], []);
        var (fields, conflicts) = BundleMerger.MergeForm([a, b]);
        conflicts.ShouldBeEmpty();
        fields.Count(f => f.Key == "母亲公民身份号码").ShouldBe(1);
        var mother = fields.Single(f => f.Key == "母亲公民身份号码");
        mother.Field.Required.ShouldBeTrue();
        mother.UsedBy.ShouldBe(["371100101000", "370700102000"]);
        mother.SourceKeys["370700102000"].ShouldBe("m_id");
        fields.Select(f => f.Key).ShouldContain("371100101000_note");
        // The rule referred to the member's own key; in the merged form it refers to the merged key.
        fields.Single(f => f.Key == "370700102000_extra").Field.VisibleWhen.ShouldBe("{\"!!\":[{\"var\":\"母亲公民身份号码\"}]}");
    }

    [Fact]
    public void MergeForm_WhenSameDataElementHasDifferentTypes_ReportsConflict()
    {
        var a = Matter("371100101000", [new("d", "出生日期", FormFieldType.Date, "出生日期")], []);
        var b = Matter("370700102000", [new("d", "出生日期", FormFieldType.Text, "出生日期")], []);
        BundleMerger.MergeForm([a, b]).Conflicts.Single().Code.ShouldBe("bundle.field_type_conflict");
    }

    [Fact]
    public void MergeMaterials_WhenSameCertificateOrName_DeduplicatesWithMostDemandingTerms()
    {
        var a = Matter("371100101000", [], [new("出生医学证明", MaterialForm.Electronic, 0, MaterialSourceKind.Certificate, "DZZZ.CSYXZM"),
            new("照片", MaterialForm.Copy, 1, MaterialSourceKind.Upload, Required: false)]);
        var b = Matter("370700102000", [], [new("新生儿出生医学证明", MaterialForm.Original, 1, MaterialSourceKind.Certificate, "DZZZ.CSYXZM"),
            new("照片", MaterialForm.Original, 2, MaterialSourceKind.Upload)]);
        var merged = BundleMerger.MergeMaterials([a, b]);
        merged.Count.ShouldBe(2);
        var cert = merged.Single(m => m.Key == "cert:DZZZ.CSYXZM");
        cert.UsedBy.Count.ShouldBe(2);
        cert.Material.Form.ShouldBe(MaterialForm.Original);
        var photo = merged.Single(m => m.Key == "name:照片").Material;
        photo.Copies.ShouldBe(2);
        photo.Required.ShouldBeTrue();
    }

    [Theory]
    [InlineData("{\"==\":[1,1]}", null)]
    [InlineData("\"hrss\"", null)]
    [InlineData("{\"==\":[1,1],\"!=\":[1,2]}", "rule.operator_count")]
    [InlineData("{\"if\":[true,{}]}", "rule.operator_count")]
    [InlineData("{\"==\":[1,", "rule.json")]
    public void JsonLogicShape_OnRules_AcceptsOnlyOneOperatorObjects(string rule, string? expected) =>
        (JsonLogicShape.Check(rule, "rule")?.Code).ShouldBe(expected);
}
