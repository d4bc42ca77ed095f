using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using Shouldly;

namespace Qilu.Matters.Tests.Catalog;

/// <summary>XLSX round trips of the standard catalog and a configuration package carried from one city to another.</summary>
public abstract class TransferSliceTestsBase(MattersFixture fixture)
{
    private const string Card = "371100104000";

    private static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient api, byte[] xlsx)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(xlsx);
        file.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "matters.xlsx");
        return await api.PostAsync("/api/matters/import", form);
    }

    /// <summary>Rewrites one cell of the 事项 sheet (row of <paramref name="basicCode"/>) and keeps every other sheet as it was.</summary>
    private static byte[] WithCell(byte[] xlsx, string basicCode, string column, object value)
    {
        using var input = new MemoryStream(xlsx);
        var sheets = new Dictionary<string, object>();
        foreach (var name in MiniExcel.GetSheetNames(input))
        {
            input.Position = 0;
            var rows = input.Query(useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>()
                .Select(r => r.ToDictionary(kv => kv.Key, kv => kv.Value)).ToList();
            if (name == "事项")
                foreach (var r in rows.Where(r => Convert.ToString(r["基本编码"], System.Globalization.CultureInfo.InvariantCulture) == basicCode))
                    r[column] = value;
            sheets[name] = rows;
            input.Position = 0;
        }
        using var output = new MemoryStream();
        output.SaveAs(sheets);
        return output.ToArray();
    }

    [Fact]
    public async Task XlsxRoundTrip_WhenExportedFileIsImportedBack_ChangesNothingAndAnEditedCellMakesOneDraft()
    {
        var api = await fixture.As("sd.cdo");
        var export = await api.GetAsync("/api/matters/export.xlsx");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var xlsx = await export.Content.ReadAsByteArrayAsync();
        var standards = (await Json(await api.GetAsync("/api/matters?kind=standard&pageSize=200"))).GetProperty("total").GetInt32();

        var same = await ImportAsync(api, xlsx);
        same.StatusCode.ShouldBe(HttpStatusCode.OK, await same.Content.ReadAsStringAsync());
        var counts = await Json(same);
        counts.GetProperty("created").GetInt32().ShouldBe(0);
        counts.GetProperty("updated").GetInt32().ShouldBe(0, "an unchanged file must not create drafts");
        counts.GetProperty("unchanged").GetInt32().ShouldBe(standards);

        var edited = await ImportAsync(api, WithCell(xlsx, Card, "办理时间", "工作日 9:00-17:00（周六上午轮值）"));
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        (await Json(edited)).GetProperty("updated").GetInt32().ShouldBe(1);
        var id = (await Json(await api.GetAsync($"/api/matters?q={Card}&kind=standard"))).GetProperty("items")[0].GetProperty("id").GetGuid();
        var detail = await Json(await api.GetAsync($"/api/matters/{id}"));
        detail.GetProperty("own").GetProperty("hours").GetString().ShouldBe("工作日 9:00-17:00（周六上午轮值）");
        detail.GetProperty("matter").GetProperty("draftVersion").ValueKind.ShouldBe(JsonValueKind.Number);
    }

    [Fact]
    public async Task XlsxImport_WhenARowIsWrong_WritesNothingAndNamesSheetRowAndColumn()
    {
        var api = await fixture.As("sd.cdo");
        var xlsx = await (await api.GetAsync("/api/matters/export.xlsx")).Content.ReadAsByteArrayAsync();
        var r = await ImportAsync(api, WithCell(xlsx, Card, "承诺时限", "七天"));
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await Json(r)).GetProperty("errors").EnumerateArray().ToList();
        errors.ShouldContain(e => e.GetProperty("field").GetString()!.StartsWith("事项[", StringComparison.Ordinal)
            && e.GetProperty("field").GetString()!.EndsWith("].承诺时限", StringComparison.Ordinal)
            && e.GetProperty("message").GetString()!.Contains("七天"));
        var lixia = await fixture.As("lx.official");
        (await ImportAsync(lixia, xlsx)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "only the province imports its standard");
    }

    [Fact]
    public async Task Package_WhenExportedInLixiaAndImportedIntoQingdao_AdaptsLocalElementsAndCarriesTheDeviation()
    {
        var lixia = await fixture.As("lx.official");
        var source = (await Json(await lixia.GetAsync($"/api/matters?q={Card}&kind=implementation&division=370102"))).GetProperty("items")[0];
        var exported = await lixia.GetAsync($"/api/matters/{source.GetProperty("id").GetGuid()}/package");
        exported.StatusCode.ShouldBe(HttpStatusCode.OK, await exported.Content.ReadAsStringAsync());
        var package = JsonNode.Parse(await exported.Content.ReadAsStringAsync())!;
        package["sourceDivision"]!.GetValue<string>().ShouldBe("370102");

        var qingdao = await fixture.As("qd.official");
        var request = new { package, targetDivision = "370200", local = new { consultPhone = "0532-85912345", supervisionPhone = "12345", location = "青岛市市民中心", hours = "工作日 9:00-17:00" } };
        var preview = await qingdao.PostAsJsonAsync("/api/matters/packages/preview", request);
        preview.StatusCode.ShouldBe(HttpStatusCode.OK, await preview.Content.ReadAsStringAsync());
        var plan = (await Json(preview)).GetProperty("matters")[0];
        plan.GetProperty("implementationCode").GetString()!.ShouldContain("370200");
        plan.GetProperty("unit").GetProperty("name").GetString()!.ShouldStartWith("青岛市");
        plan.GetProperty("deviatingElements").EnumerateArray().Select(e => e.GetString()).ShouldContain("承诺时限");
        plan.GetProperty("changes").EnumerateArray().ShouldContain(c => c.GetProperty("element").GetString() == "consultPhone" && c.GetProperty("to").GetString() == "0532-85912345");

        var imported = await qingdao.PostAsJsonAsync("/api/matters/packages/import", request);
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        var id = (await Json(imported)).GetProperty("matterIds")[0].GetGuid();
        var detail = await Json(await qingdao.GetAsync($"/api/matters/{id}"));
        detail.GetProperty("matter").GetProperty("divisionCode").GetString().ShouldBe("370200");
        detail.GetProperty("matter").GetProperty("draftVersion").GetInt32().ShouldBe(1, "imports land as drafts");
        var effective = detail.GetProperty("effective");
        effective.GetProperty("consultPhone").GetString().ShouldBe("0532-85912345");
        effective.GetProperty("location").GetString().ShouldBe("青岛市市民中心");
        effective.GetProperty("promisedLimitDays").GetInt32().ShouldBe(3, "历下区's shorter promise travels with the package");
        detail.GetProperty("deviations").EnumerateArray().Select(d => d.GetProperty("element").GetString()).ShouldBe(["promisedLimitDays"]);

        var original = await Json(await lixia.GetAsync($"/api/matters/{source.GetProperty("id").GetGuid()}"));
        original.GetProperty("effective").GetProperty("consultPhone").GetString().ShouldBe("0531-86081234", "the source city is untouched");
        (await qingdao.PostAsJsonAsync("/api/matters/packages/import", new { package, targetDivision = "370102" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class TransferSliceTests(MattersSqliteFixture fixture) : TransferSliceTestsBase(fixture), IClassFixture<MattersSqliteFixture>;

public sealed class TransferSlicePostgresTests(MattersPostgresFixture fixture) : TransferSliceTestsBase(fixture), IClassFixture<MattersPostgresFixture>;
