using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shouldly;

namespace Qilu.Matters.Tests.Forms;

/// <summary>Form rules checked by the Rules engine against the form's fields, on the designer's check and on every save.</summary>
public sealed class FormRulesSliceTests(MattersSqliteFixture fixture) : IClassFixture<MattersSqliteFixture>
{
    private static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    private static object Form(string visibleWhen, string computed) => new
    {
        fields = new object[]
        {
            new { key = "married", label = "是否已婚", type = "Choice", options = new[] { "是", "否" }, required = true },
            new { key = "spouseName", label = "配偶姓名", type = "Text", visibleWhen },
            new { key = "age", label = "年龄", type = "Number" },
            new { key = "summary", label = "摘要", type = "Text", computed },
        },
    };

    [Fact]
    public async Task Check_WhenRulesAreValid_AnswersValid()
    {
        var api = await fixture.As("sd.cdo");
        var r = await api.PostAsJsonAsync("/api/matters/forms/check", new { form = Form("""{"==": [{"var": "married"}, "是"]}""", """{"cat": [{"var": "spouseName"}, "/", {"var": "age"}]}""") });
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        (await Json(r)).GetProperty("valid").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Check_WhenRuleUsesUnknownOperatorOrValueOutsideChoices_NamesTheClauseByJsonPath()
    {
        var api = await fixture.As("sd.cdo");
        var r = await api.PostAsJsonAsync("/api/matters/forms/check", new { form = Form("""{"==": [{"var": "married"}, "yes"]}""", """{"and": [true, {"between": [1, 2]}]}""") });
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await Json(r);
        body.GetProperty("valid").GetBoolean().ShouldBeFalse();
        var errors = body.GetProperty("errors").EnumerateArray().Select(e => (Field: e.GetProperty("field").GetString(), Code: e.GetProperty("code").GetString())).ToList();
        errors.ShouldContain(("form.fields[3].computed.and[1].between", "rules.operator.unknown"));
        errors.ShouldContain(e => e.Field!.StartsWith("form.fields[1].visibleWhen", StringComparison.Ordinal) && e.Code == "rules.schema.enum");
    }

    [Fact]
    public async Task Save_WhenFormRuleFailsTheSchema_Answers400WithThePathAndKeepsTheMatter()
    {
        var api = await fixture.As("sd.cdo");
        var id = (await Json(await api.GetAsync("/api/matters?q=371100104000&kind=standard"))).GetProperty("items")[0].GetProperty("id").GetGuid();
        var detail = await Json(await api.GetAsync($"/api/matters/{id}"));
        var own = detail.GetProperty("own").Deserialize<JsonObject>()!;
        var fields = own["form"]!["fields"]!.AsArray();
        var first = fields[0]!["key"]!.GetValue<string>();
        fields.Add(new JsonObject { ["key"] = "note", ["label"] = "备注", ["type"] = "Text", ["visibleWhen"] = $$"""{"<": [{"var": "{{first}}"}, {"var": "nosuch"}]}""" });
        var r = await api.PutAsJsonAsync($"/api/matters/{id}", new { revision = detail.GetProperty("matter").GetProperty("revision").GetUInt32(), content = own });
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await Json(r)).GetProperty("errors").EnumerateArray().First();
        error.GetProperty("field").GetString()!.ShouldStartWith($"content.form.fields[{fields.Count - 1}].visibleWhen");
        (await Json(await api.GetAsync($"/api/matters/{id}"))).GetProperty("matter").GetProperty("revision").GetUInt32()
            .ShouldBe(detail.GetProperty("matter").GetProperty("revision").GetUInt32());
    }
}
