using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shouldly;

namespace Qilu.Identity.Tests.Divisions;

/// <summary>
/// Divisions (行政区划) out and back in as CSV: an export re-imports unchanged, additions and renames apply, and a file
/// with any bad row is refused whole, naming each bad row, its field and the rule.
/// </summary>
public abstract class DivisionTransferTestsBase(IdentityFixture fixture)
{
    private IdentityHost Host => fixture.Host;

    [Fact]
    public async Task ExportedCsv_ImportedBack_ChangesNothing()
    {
        using var sys = await TestSession.ApiAsAsync(Host, "sys.admin");
        var exported = await ExportAsync(sys);
        var lines = exported.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("code,name,level,parent");
        lines.ShouldContain("370102,历下区,County,370100");
        lines.ShouldContain("370000,山东省,Province,");

        var imported = await ImportAsync(sys, exported);
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        var counts = await imported.Content.ReadFromJsonAsync<JsonElement>();
        counts.GetProperty("added").GetInt32().ShouldBe(0);
        counts.GetProperty("renamed").GetInt32().ShouldBe(0);
        counts.GetProperty("unchanged").GetInt32().ShouldBe(lines.Length - 1);
    }

    [Fact]
    public async Task Import_WithNewTownAndRename_AppliesBothAndExportShowsThem()
    {
        using var sys = await TestSession.ApiAsAsync(Host, "sys.admin");
        var added = await ImportAsync(sys, "code,name,level,parent\n370102990,测试新设街道,Town,370102\n");
        added.StatusCode.ShouldBe(HttpStatusCode.OK, await added.Content.ReadAsStringAsync());
        (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32().ShouldBe(1);

        var renamed = await ImportAsync(sys, "code,name,level,parent\n370102990,测试更名街道,Town,370102\n");
        (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("renamed").GetInt32().ShouldBe(1);
        (await ExportAsync(sys)).ShouldContain("370102990,测试更名街道,Town,370102");
    }

    [Fact]
    public async Task Import_WithBadRows_RefusesTheWholeFileNamingRowFieldAndRule()
    {
        using var sys = await TestSession.ApiAsAsync(Host, "sys.admin");
        var csv = "code,name,level,parent\n" +
            "370102991,合规街道,Town,370102\n" +   // row 2: fine on its own
            "370102992,错层街道,County,370102\n" + // row 3: a 9-digit code is a town
            "370102993,错挂街道,Town,370103\n";    // row 4: structural parent is 370102
        var response = await ImportAsync(sys, csv);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().ToList();
        errors.ShouldContain(e => e.GetProperty("field").GetString() == "rows[3].level"
            && e.GetProperty("code").GetString() == "division.level_mismatch"
            && e.GetProperty("message").GetString()!.StartsWith("第3行", StringComparison.Ordinal));
        errors.ShouldContain(e => e.GetProperty("field").GetString() == "rows[4].parent" && e.GetProperty("code").GetString() == "division.parent_mismatch");
        errors.ShouldNotContain(e => e.GetProperty("field").GetString()!.StartsWith("rows[2]", StringComparison.Ordinal));

        var after = await ExportAsync(sys);
        after.ShouldNotContain("370102991", customMessage: "nothing from a refused file is written");
    }

    [Fact]
    public async Task Import_AsCountyOfficialOutsideTheirCounty_RefusesTheRow()
    {
        using var sn = await TestSession.ApiAsAsync(Host, "sn.official");
        var response = await ImportAsync(sn, "code,name,level,parent\n370102994,越权街道,Town,370102\n");
        // Either the official lacks the manage permission (403) or the row is out of scope (400): never written.
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest);
        using var sys = await TestSession.ApiAsAsync(Host, "sys.admin");
        (await ExportAsync(sys)).ShouldNotContain("370102994");
    }

    private static async Task<string> ExportAsync(HttpClient api)
    {
        var response = await api.GetAsync("/api/identity/divisions/export?format=csv");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient api, string csv) =>
        api.PostAsync("/api/identity/divisions/import",
            new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "divisions.csv" } });
}

public sealed class DivisionTransferTests(IdentityHostFixture fixture) : DivisionTransferTestsBase(fixture), IClassFixture<IdentityHostFixture>;

public sealed class DivisionTransferPostgresTests(IdentityPostgresFixture fixture) : DivisionTransferTestsBase(fixture), IClassFixture<IdentityPostgresFixture>;
