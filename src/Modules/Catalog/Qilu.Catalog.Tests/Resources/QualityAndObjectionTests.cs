using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Contracts;
using Shouldly;
using static Qilu.Catalog.Tests.Entries.CatalogApi;
using static Qilu.Catalog.Tests.Resources.ResourceApi;

namespace Qilu.Catalog.Tests.Resources;

/// <summary>
/// Quality figures, objections (数据异议) from another unit to the source unit with a working-day deadline and the
/// open → answered → closed cycle, API and file mounts, and the scope matrix of resources. 历下区民政局 provides;
/// 青岛市南区民政局 (sn.official) objects; 济南市大数据局 (jn.official) oversees 历下; 青岛市大数据局 (qd.official) does not.
/// </summary>
public abstract class QualityAndObjectionTestsBase(CatalogFixture fixture)
{
    private CatalogHost Host => fixture.Host;

    private static readonly string A = IdNumber("370102", "19800101", 11);
    private static readonly string B = IdNumber("370102", "19900215", 22);
    private static readonly string C = IdNumber("370102", "19751130", 33);

    [Fact]
    public async Task QualityReport_CountsCompletenessValidityDuplicatesAndTimeliness()
    {
        var (_, resource) = await PublishedTableAsync(Host, "历下区质量报告测试");
        var lixia = await Host.ApiAsync("lx.official");
        await ImportAsync(lixia, resource, "公民身份号码,姓名,性别,联系电话,行政区划代码\n" +
            $"{A},张三,1,13800138000,370102\n{B},李四,2,,370102\n{C},王五,,,370102\n{A},重复,1,,370102\n{IdNumber("370102", "19850505", 44)},赵六,8,,370102\n");
        var report = await GetAsync(lixia, $"/api/catalog/resources/{resource}/quality");
        report.GetProperty("rows").GetInt64().ShouldBe(3);
        report.GetProperty("duplicateKeys").GetInt64().ShouldBe(1);
        report.GetProperty("lastImportRejected").GetInt64().ShouldBe(2);
        var fields = report.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("field").GetString()!);
        fields["联系电话"].GetProperty("filled").GetInt64().ShouldBe(1);
        fields["联系电话"].GetProperty("completeness").GetDouble().ShouldBe(1.0 / 3, 1e-9);
        fields["联系电话"].GetProperty("encrypted").GetBoolean().ShouldBeTrue();
        fields["性别"].GetProperty("completeness").GetDouble().ShouldBe(2.0 / 3, 1e-9);
        fields["性别"].GetProperty("rejectedAtImport").GetInt64().ShouldBe(1);
        fields["性别"].GetProperty("validity").GetDouble().ShouldBe(2.0 / 3, 1e-9);
        fields["姓名"].GetProperty("completeness").GetDouble().ShouldBe(1.0);
        var timeliness = report.GetProperty("timeliness");
        timeliness.GetProperty("updateCycle").GetString().ShouldBe("每日");
        timeliness.GetProperty("cycleDays").GetInt32().ShouldBe(1);
        timeliness.GetProperty("timely").GetBoolean().ShouldBeTrue();

        var bureau = await GetAsync(await Host.ApiAsync("jn.official"), $"/api/catalog/resources/{resource}/quality");
        bureau.GetProperty("rows").GetInt64().ShouldBe(3);
    }

    [Fact]
    public async Task Objection_GoesToTheSourceUnitWithADeadline_AndIsAnsweredThenClosed()
    {
        var (_, resource) = await PublishedTableAsync(Host, "历下区异议测试");
        var lixia = await Host.ApiAsync("lx.official");
        var shinan = await Host.ApiAsync("sn.official");
        var raised = await PostAsync(shinan, $"/api/catalog/resources/{resource}/objections",
            new { field = "联系电话", rowKey = A, description = "该居民联系电话已变更，请核实" }, HttpStatusCode.Created);
        raised.GetProperty("status").GetString().ShouldBe("open");
        raised.GetProperty("rowKeyMasked").GetString().ShouldBe(A[..4] + new string('*', 10) + A[^4..]);
        var created = raised.GetProperty("createdAt").GetDateTimeOffset();
        var due = raised.GetProperty("dueAt").GetDateTimeOffset();
        (due - created).TotalDays.ShouldBeGreaterThanOrEqualTo(5);
        (due - created).TotalDays.ShouldBeLessThan(20);
        var id = raised.GetProperty("id").GetString();

        var inbox = await GetAsync(lixia, "/api/catalog/objections?box=incoming");
        var mine = inbox.EnumerateArray().Single(o => o.GetProperty("id").GetString() == id);
        mine.GetProperty("canAnswer").GetBoolean().ShouldBeTrue();
        (await GetAsync(await Host.ApiAsync("qd.official"), "/api/catalog/objections?box=incoming")).EnumerateArray()
            .ShouldNotContain(o => o.GetProperty("id").GetString() == id);
        (await GetAsync(await Host.ApiAsync("jn.official"), "/api/catalog/objections?box=oversee")).EnumerateArray()
            .ShouldContain(o => o.GetProperty("id").GetString() == id);

        await PostAsync(shinan, $"/api/catalog/objections/{id}/answer", new { version = mine.GetProperty("version").GetUInt32(), answer = "x" }, HttpStatusCode.NotFound);
        var early = await PostAsync(shinan, $"/api/catalog/objections/{id}/close", new { version = mine.GetProperty("version").GetUInt32() }, HttpStatusCode.Conflict);
        ShouldHaveError(early, "status", "objection.not_answered");
        var noAnswer = await PostAsync(lixia, $"/api/catalog/objections/{id}/answer", new { version = mine.GetProperty("version").GetUInt32(), answer = " " }, HttpStatusCode.BadRequest);
        ShouldHaveError(noAnswer, "answer", "objection.answer_required");
        var answered = await PostAsync(lixia, $"/api/catalog/objections/{id}/answer", new { version = mine.GetProperty("version").GetUInt32(), answer = "已核实并更正，下次导入生效" });
        answered.GetProperty("status").GetString().ShouldBe("answered");
        await PostAsync(lixia, $"/api/catalog/objections/{id}/close", new { version = answered.GetProperty("version").GetUInt32() }, HttpStatusCode.NotFound);
        var closed = await PostAsync(shinan, $"/api/catalog/objections/{id}/close", new { version = answered.GetProperty("version").GetUInt32(), comment = "确认" });
        closed.GetProperty("status").GetString().ShouldBe("closed");
        closed.GetProperty("closedAt").ValueKind.ShouldBe(JsonValueKind.String);

        var own = await PostAsync(lixia, $"/api/catalog/resources/{resource}/objections", new { description = "自己的" }, HttpStatusCode.BadRequest);
        ShouldHaveError(own, "id", "objection.own_resource");
        var quality = await PostAsync(await Host.ApiAsync("jn.official"), $"/api/catalog/resources/{resource}/objections",
            new { kind = "quality", field = "性别", description = "性别缺失率偏高" }, HttpStatusCode.Created);
        quality.GetProperty("kind").GetString().ShouldBe("quality");
        await PostAsync(await Host.ApiAsync("qd.official"), $"/api/catalog/resources/{resource}/objections",
            new { kind = "quality", description = "越权" }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ScopeMatrix_OnlyTheSourceUnitManagesAndOnlyItAndItsBureauSeeQuality()
    {
        var (entry, resource) = await PublishedTableAsync(Host, "历下区资源范围测试");
        var lixia = await Host.ApiAsync("lx.official");
        await ImportAsync(lixia, resource, $"公民身份号码,姓名\n{A},张三\n");
        var csv = Encoding.UTF8.GetBytes($"公民身份号码,姓名\n{B},李四\n");
        foreach (var (login, quality, import, list) in new[]
        {
            ("lx.official", HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
            ("jn.official", HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.OK),
            ("sn.official", HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK),
            ("qd.official", HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK),
        })
        {
            var api = await Host.ApiAsync(login);
            (await api.GetAsync($"/api/catalog/resources/{resource}/quality")).StatusCode.ShouldBe(quality, login);
            (await api.GetAsync($"/api/catalog/resources/{resource}/imports")).StatusCode.ShouldBe(quality, login);
            using var body = new ByteArrayContent(csv);
            var imported = await api.PostAsync($"/api/catalog/resources/{resource}/imports?format=csv", body);
            imported.StatusCode.ShouldBeOneOf(import, login == "qd.official" ? HttpStatusCode.Forbidden : import);
            (await api.GetAsync($"/api/catalog/entries/{entry}/resources")).StatusCode.ShouldBe(list, login);
        }
        // A draft entry's resources are visible to its own unit only.
        var draft = await CreateAsync(lixia, Entry("历下区草稿资源", items: PersonItems));
        await PostAsync(lixia, $"/api/catalog/entries/{Id(draft)}/resources/table", new { name = "草稿库表", keyField = "公民身份号码" }, HttpStatusCode.Created);
        (await (await Host.ApiAsync("sn.official")).GetAsync($"/api/catalog/entries/{Id(draft)}/resources")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GetAsync(lixia, $"/api/catalog/entries/{Id(draft)}/resources")).GetArrayLength().ShouldBe(1);
        // Mounting on another unit's entry: not found.
        await PostAsync(await Host.ApiAsync("sn.official"), $"/api/catalog/entries/{entry}/resources/table", new { name = "x", keyField = "公民身份号码" }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MountTable_WithBadKeyOrDivisionField_Answers400PerField()
    {
        var lixia = await Host.ApiAsync("lx.official");
        var draft = await CreateAsync(lixia, Entry("历下区挂接校验", items: PersonItems));
        var problem = await PostAsync(lixia, $"/api/catalog/entries/{Id(draft)}/resources/table",
            new { name = "", keyField = "不存在", divisionField = "姓名", fields = new[] { "公民身份号码", "姓名", "未知" } }, HttpStatusCode.BadRequest);
        ShouldHaveError(problem, "name", "resource.name_required");
        ShouldHaveError(problem, "keyField", "resource.key_required");
        ShouldHaveError(problem, "divisionField", "resource.division_field");
        ShouldHaveError(problem, "fields", "resource.field_unknown");
        var ok = await PostAsync(lixia, $"/api/catalog/entries/{Id(draft)}/resources/table", new { name = "人员库表", keyField = "公民身份号码", divisionField = "行政区划代码" }, HttpStatusCode.Created);
        var columns = ok.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("field").GetString()!, c => c.GetProperty("encrypted").GetBoolean());
        columns["公民身份号码"].ShouldBeTrue();
        columns["联系电话"].ShouldBeTrue();
        columns["姓名"].ShouldBeTrue();
        columns["性别"].ShouldBeFalse();
        columns["行政区划代码"].ShouldBeFalse();
    }

    [Fact]
    public async Task MountApiAndFile_ParseTheOpenApiDocumentAndKeepTheBytesWithTheirHash()
    {
        var lixia = await Host.ApiAsync("lx.official");
        var jinan = await Host.ApiAsync("jn.official");
        var entry = await PublishAsync(lixia, jinan, Entry("历下区接口与文件", items: PersonItems));
        const string openApi = """
        {"openapi":"3.0.3","info":{"title":"低保核验接口","version":"1"},"servers":[{"url":"https://upstream.example.gov.cn/v1"}],
         "paths":{"/persons/{idNumber}":{"get":{"operationId":"getPerson","responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Person"}}}}}}},
                  "/persons":{"post":{"operationId":"findPersons","responses":{"200":{"content":{"application/json":{"schema":{"type":"array","items":{"$ref":"#/components/schemas/Person"}}}}}}}}},
         "components":{"schemas":{"Person":{"type":"object","properties":{"姓名":{"type":"string"},"公民身份号码":{"type":"string"}}}}}}
        """;
        var api = await PostAsync(lixia, $"/api/catalog/entries/{Id(entry)}/resources/api", new { openApi }, HttpStatusCode.Created);
        api.GetProperty("name").GetString().ShouldBe("低保核验接口");
        api.GetProperty("baseUrl").GetString().ShouldBe("https://upstream.example.gov.cn/v1");
        using (var scope = Host.Services.CreateScope())
        {
            var info = await scope.ServiceProvider.GetRequiredService<IResourceRows>().FindApiAsync(Guid.Parse(api.GetProperty("id").GetString()!));
            info.ShouldNotBeNull();
            info.Operations.Select(o => (o.OperationId, o.Method, o.PathTemplate)).ShouldBe([("getPerson", "GET", "/persons/{idNumber}"), ("findPersons", "POST", "/persons")]);
            info.Operations[0].ResponseFields.ShouldBe(["姓名", "公民身份号码"]);
            info.Operations[1].ResponseFields.ShouldBe(["姓名", "公民身份号码"]);
        }
        var bad = await PostAsync(lixia, $"/api/catalog/entries/{Id(entry)}/resources/api",
            new { name = "坏", openApi = """{"openapi":"3.0.0","paths":{"/a":{"get":{}}}}""" }, HttpStatusCode.BadRequest);
        ShouldHaveError(bad, "openApi", "openapi.operation_id");
        ShouldHaveError(bad, "baseUrl", "openapi.base_url");
        ShouldHaveError(await PostAsync(lixia, $"/api/catalog/entries/{Id(entry)}/resources/api", new { name = "坏", openApi = "{" }, HttpStatusCode.BadRequest),
            "openApi", "openapi.json");

        var bytes = Encoding.UTF8.GetBytes("低保名册说明\n第二行");
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("text/plain");
        var mounted = await lixia.PostAsync($"/api/catalog/entries/{Id(entry)}/resources/file?fileName=readme.txt&name=说明文件", content);
        await ShouldBeAsync(mounted, HttpStatusCode.Created);
        var file = await mounted.Content.ReadFromJsonAsync<JsonElement>();
        file.GetProperty("fileSize").GetInt64().ShouldBe(bytes.Length);
        file.GetProperty("fileHash").GetString().ShouldBe(Qilu.Platform.Cryptography.Sm3.HashHex(bytes));
        var download = await lixia.GetAsync($"/api/catalog/resources/{file.GetProperty("id").GetString()}/file");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        (await (await Host.ApiAsync("sn.official")).GetAsync($"/api/catalog/resources/{file.GetProperty("id").GetString()}/file")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await GetAsync(await Host.ApiAsync("sn.official"), $"/api/catalog/entries/{Id(entry)}/resources");
        list.EnumerateArray().Select(r => r.GetProperty("kind").GetString()).ShouldBe(["Api", "File"]);
    }
}

[Collection("catalog-sqlite")]
public sealed class QualityAndObjectionTests(CatalogHostFixture fixture) : QualityAndObjectionTestsBase(fixture), IClassFixture<CatalogHostFixture>;

[Collection("catalog-postgres")]
public sealed class PostgresQualityAndObjectionTests(CatalogPostgresFixture fixture) : QualityAndObjectionTestsBase(fixture), IClassFixture<CatalogPostgresFixture>;
