using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Qilu.Catalog.Tests.Entries;

/// <summary>Request bodies and calls shared by the HTTP slice tests.</summary>
internal static class CatalogApi
{
    public static object Item(string name, string element, string? grade = null) => new { name, elementIdentifier = element, grade };

    public static object Entry(string name, string share = "Conditional", string open = "NotOpen", object[]? items = null,
        string impactObject = "个人权益", string impactDegree = "一般危害", string? declaredGrade = null) => new
    {
        name, category = "Department", theme = (string?)null, @abstract = $"{name}：测试用目录摘要，包含户籍与身份信息。",
        shareType = share, shareCondition = share == "Conditional" ? "限于履行法定职责所必需" : null,
        legalBasis = share == "Unconditional" ? null : "《中华人民共和国个人信息保护法》第三十四条",
        shareMethods = new[] { "Api" }, openType = open, format = "Database", updateCycle = "每日", informationSystem = "测试业务系统",
        declaredGrade,
        grading = new { factors = new[] { "领域", "群体" }, impactObject, impactDegree, note = "测试" },
        items = items ?? [Item("公民身份号码", "DE0001"), Item("姓名", "DE0002")],
    };

    public static async Task<JsonElement> CreateAsync(HttpClient api, object entry)
    {
        var response = await api.PostAsJsonAsync("/api/catalog/entries", entry);
        await ShouldBeAsync(response, HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> PostAsync(HttpClient api, string url, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await api.PostAsJsonAsync(url, body);
        await ShouldBeAsync(response, expected);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> GetAsync(HttpClient api, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await api.GetAsync(url);
        await ShouldBeAsync(response, expected);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static uint Version(JsonElement entry) => entry.GetProperty("version").GetUInt32();

    public static string Id(JsonElement entry) => entry.GetProperty("id").GetString()!;

    public static async Task ShouldBeAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
            throw new Xunit.Sdk.XunitException($"Expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static IEnumerable<(string? Field, string Code, string Message)> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e =>
            (e.GetProperty("field").ValueKind == JsonValueKind.String ? e.GetProperty("field").GetString() : null,
             e.GetProperty("code").GetString()!, e.GetProperty("message").GetString()!));

    /// <summary>Creates a draft as <paramref name="unit"/>, submits it, and approves it as <paramref name="bureau"/>.</summary>
    public static async Task<JsonElement> PublishAsync(HttpClient unit, HttpClient bureau, object entry)
    {
        var created = await CreateAsync(unit, entry);
        var submitted = await PostAsync(unit, $"/api/catalog/entries/{Id(created)}/submit", new { version = Version(created) });
        return await PostAsync(bureau, $"/api/catalog/entries/{Id(created)}/approve", new { version = Version(submitted), comment = "同意" });
    }

    public static void ShouldHaveError(JsonElement problem, string field, string code)
    {
        var errors = Errors(problem).ToList();
        errors.ShouldContain(e => e.Field == field && e.Code == code, $"errors were: {string.Join("; ", errors)}");
    }
}
