using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Qilu.Hotline.Tests.Open311;

/// <summary>
/// Open311 GeoReport v2 conformance: every method in both formats, the error format and the spec's status codes
/// (404 unknown resource or jurisdiction, 403 missing/invalid api_key, 400 everything else).
/// </summary>
public sealed class GeoReportConformanceTests(HotlineHost host) : IClassFixture<HotlineHost>
{
    private const string Base = "/open311/v2";

    private async Task<(HttpStatusCode Status, string Type, string Body)> GetAsync(string path)
    {
        using var client = host.CreateClient();
        var r = await client.GetAsync(Base + path);
        return (r.StatusCode, r.Content.Headers.ContentType!.ToString(), await r.Content.ReadAsStringAsync());
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string format, Dictionary<string, string> form)
    {
        using var client = host.CreateClient();
        var r = await client.PostAsync($"{Base}/requests.{format}", new FormUrlEncodedContent(form));
        return (r.StatusCode, await r.Content.ReadAsStringAsync());
    }

    private static Dictionary<string, string> Request(string key, string description = "Street vendors block the pavement 占道经营") => new()
    {
        ["api_key"] = key, ["service_code"] = "010101", ["lat"] = "36.6651", ["long"] = "117.0245", ["address_string"] = "泉城路东口",
        ["description"] = description, ["first_name"] = "女士", ["last_name"] = "刘", ["phone"] = "13905310001", ["attribute[division_code]"] = "370102",
    };

    [Fact]
    public async Task ServiceList_InJsonAndXml_ListsEveryLevel3CategoryWithSpecFields()
    {
        var (status, type, body) = await GetAsync("/services.json");
        status.ShouldBe(HttpStatusCode.OK);
        type.ShouldStartWith("application/json");
        var list = JsonDocument.Parse(body).RootElement;
        list.GetArrayLength().ShouldBeGreaterThan(40);
        var first = list[0];
        foreach (var f in new[] { "service_code", "service_name", "description", "metadata", "type", "keywords", "group" }) first.TryGetProperty(f, out _).ShouldBeTrue(f);
        list.EnumerateArray().ShouldContain(s => s.GetProperty("service_code").GetString() == "010101" && s.GetProperty("service_name").GetString() == "占道经营");

        (status, type, body) = await GetAsync("/services.xml");
        status.ShouldBe(HttpStatusCode.OK);
        type.ShouldStartWith("text/xml");
        var xml = XDocument.Parse(body);
        xml.Root!.Name.LocalName.ShouldBe("services");
        xml.Root.Elements("service").Count().ShouldBe(list.GetArrayLength());
        xml.Root.Elements("service").First(e => e.Element("service_code")!.Value == "010101").Element("group")!.Value.ShouldBe("城乡建设");
    }

    [Fact]
    public async Task ServiceDefinition_InBothFormats_DescribesTheDivisionAttribute()
    {
        var (status, _, body) = await GetAsync("/services/010101.json");
        status.ShouldBe(HttpStatusCode.OK);
        var def = JsonDocument.Parse(body).RootElement;
        def.GetProperty("service_code").GetString().ShouldBe("010101");
        var attr = def.GetProperty("attributes").EnumerateArray().First(a => a.GetProperty("code").GetString() == "division_code");
        attr.GetProperty("required").GetBoolean().ShouldBeTrue();
        (status, _, body) = await GetAsync("/services/010101.xml");
        status.ShouldBe(HttpStatusCode.OK);
        var xml = XDocument.Parse(body).Root!;
        xml.Name.LocalName.ShouldBe("service_definition");
        xml.Element("attributes")!.Elements("attribute").Count().ShouldBe(2);
        xml.Element("attributes")!.Elements("attribute").Last().Element("values")!.Elements("value").Count().ShouldBe(3);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task ServiceDefinition_WhenUnknown_Is404WithErrorBody(string format)
    {
        var (status, _, body) = await GetAsync($"/services/999999.{format}");
        status.ShouldBe(HttpStatusCode.NotFound);
        AssertErrors(format, body, 404);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task PostRequest_WithValidKey_CreatesATicketFoundByIdListAndToken(string format)
    {
        var key = await host.IssueKeyAsync("test-client-" + format);
        var (status, body) = await PostAsync(format, Request(key));
        status.ShouldBe(HttpStatusCode.Created, body);
        var id = format == "json"
            ? JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!
            : XDocument.Parse(body).Root!.Element("request")!.Element("service_request_id")!.Value;
        id.ShouldMatch("^[0-9]{20}$");

        var (s1, _, one) = await GetAsync($"/requests/{id}.{format}");
        s1.ShouldBe(HttpStatusCode.OK);
        string statusText, serviceCode, requested;
        if (format == "json")
        {
            var r = JsonDocument.Parse(one).RootElement[0];
            statusText = r.GetProperty("status").GetString()!;
            serviceCode = r.GetProperty("service_code").GetString()!;
            requested = r.GetProperty("requested_datetime").GetString()!;
            r.GetProperty("lat").GetDouble().ShouldBe(36.6651);
            r.TryGetProperty("phone", out _).ShouldBeFalse();
        }
        else
        {
            var r = XDocument.Parse(one).Root!.Element("request")!;
            statusText = r.Element("status")!.Value;
            serviceCode = r.Element("service_code")!.Value;
            requested = r.Element("requested_datetime")!.Value;
        }
        statusText.ShouldBe("open");
        serviceCode.ShouldBe("010101");
        requested.ShouldEndWith("+08:00");

        var (s2, _, list) = await GetAsync($"/requests.{format}?service_code=010101&status=open");
        s2.ShouldBe(HttpStatusCode.OK);
        list.ShouldContain(id);
        var (s3, _, byIds) = await GetAsync($"/requests.{format}?service_request_id={id},00000000000000000000");
        s3.ShouldBe(HttpStatusCode.OK);
        byIds.ShouldContain(id);
        var (s4, _, closed) = await GetAsync($"/requests.{format}?status=closed");
        s4.ShouldBe(HttpStatusCode.OK);
        closed.ShouldNotContain(id);
    }

    [Fact]
    public async Task Token_OfAPostedRequest_ResolvesToItsId()
    {
        var key = await host.IssueKeyAsync("token-client");
        var (_, body) = await PostAsync("json", Request(key));
        var id = JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Qilu.Hotline.Data.HotlineDbContext>();
        var token = db.Tickets.Single(t => t.Number == id).Token!;
        var (status, _, json) = await GetAsync($"/tokens/{token}.json");
        status.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(json).RootElement[0].GetProperty("service_request_id").GetString().ShouldBe(id);
        var (xs, _, xml) = await GetAsync($"/tokens/{token}.xml");
        xs.ShouldBe(HttpStatusCode.OK);
        XDocument.Parse(xml).Root!.Element("request")!.Element("token")!.Value.ShouldBe(token);
        var (missing, _, err) = await GetAsync("/tokens/nope.xml");
        missing.ShouldBe(HttpStatusCode.NotFound);
        AssertErrors("xml", err, 404);
    }

    [Theory]
    [InlineData("json", null, 403)]
    [InlineData("xml", "wrong-key", 403)]
    public async Task PostRequest_WithMissingOrBadKey_Is403AndStoresNothing(string format, string? key, int code)
    {
        var form = Request(key ?? "", "无钥匙的请求" + format);
        if (key is null) form.Remove("api_key");
        var (status, body) = await PostAsync(format, form);
        ((int)status).ShouldBe(code);
        AssertErrors(format, body, code);
        var (_, _, list) = await GetAsync("/requests.json");
        list.ShouldNotContain("无钥匙的请求" + format);
    }

    [Theory]
    [InlineData("service_code", "999999", "service_code")]
    [InlineData("attribute[division_code]", "379999", "attribute[division_code]")]
    [InlineData("phone", "12345", "phone")]
    [InlineData("lat", "91", "lat")]
    [InlineData("lat", "north", "lat")]
    [InlineData("description", "", "description")]
    [InlineData("description", "LONG", "description")]
    public async Task PostRequest_WithBadField_Is400NamingIt(string field, string value, string named)
    {
        var key = await host.IssueKeyAsync("bad-input-" + field + value.Length);
        var form = Request(key);
        form[field] = value == "LONG" ? new string('长', 4001) : value;
        foreach (var format in new[] { "json", "xml" })
        {
            var (status, body) = await PostAsync(format, form);
            status.ShouldBe(HttpStatusCode.BadRequest, body);
            AssertErrors(format, body, 400);
            body.ShouldContain(named);
        }
    }

    [Fact]
    public async Task PostRequest_WithoutLocation_Is400()
    {
        var key = await host.IssueKeyAsync("no-location");
        var form = Request(key);
        form.Remove("lat");
        form.Remove("long");
        form.Remove("address_string");
        var (status, body) = await PostAsync("json", form);
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.ShouldContain("location");
    }

    [Theory]
    [InlineData("/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", 400)]
    [InlineData("/requests.json?start_date=yesterday", 400)]
    [InlineData("/requests.json?status=pending", 400)]
    [InlineData("/requests.json?service_code=999999", 400)]
    [InlineData("/requests.json?jurisdiction_id=example.org", 404)]
    [InlineData("/requests/00000000000000000000.json", 404)]
    [InlineData("/services.yaml", 400)]
    public async Task Get_WithBadParameters_AnswersTheSpecStatusWithErrorBody(string path, int code)
    {
        var (status, _, body) = await GetAsync(path);
        ((int)status).ShouldBe(code);
        AssertErrors("json", body, code);
    }

    [Fact]
    public async Task GetRequests_ByDefault_CoversTheLast90DaysAndAtMost1000()
    {
        var key = await host.IssueKeyAsync("window");
        var (_, body) = await PostAsync("json", Request(key, "窗口测试"));
        var id = JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
        var (_, _, recent) = await GetAsync("/requests.json");
        recent.ShouldContain(id);
        JsonDocument.Parse(recent).RootElement.GetArrayLength().ShouldBeLessThanOrEqualTo(1000);
        var old = host.Clock.GetUtcNow().AddDays(-200).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var oldEnd = host.Clock.GetUtcNow().AddDays(-150).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var (_, _, past) = await GetAsync($"/requests.json?start_date={old}&end_date={oldEnd}");
        past.ShouldNotContain(id);
    }

    private static void AssertErrors(string format, string body, int code)
    {
        if (format == "json")
        {
            var errors = JsonDocument.Parse(body).RootElement;
            errors.ValueKind.ShouldBe(JsonValueKind.Array);
            errors.GetArrayLength().ShouldBeGreaterThan(0);
            errors[0].GetProperty("code").GetInt32().ShouldBe(code);
            errors[0].GetProperty("description").GetString()!.ShouldNotBeNullOrWhiteSpace();
        }
        else
        {
            var root = XDocument.Parse(body).Root!;
            root.Name.LocalName.ShouldBe("errors");
            root.Element("error")!.Element("code")!.Value.ShouldBe(code.ToString(System.Globalization.CultureInfo.InvariantCulture));
            root.Element("error")!.Element("description")!.Value.ShouldNotBeNullOrWhiteSpace();
        }
    }
}
