using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Qilu.Notices.Tests;

/// <summary>The HTTP calls the notices suites make: draft, publish, list, and read a problem's first error.</summary>
internal static class NoticesCalls
{
    public static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    public static object Draft(string title, string audience = "internal", string importance = "normal", DateTimeOffset? validUntil = null,
        string category = "notice", string body = "第一段。\n\n第二段。") => new
    {
        title, body, category, importance, audience, validUntil,
    };

    public static async Task<JsonElement> CreateAsync(HttpClient api, object draft)
    {
        var r = await api.PostAsJsonAsync("/api/notices", draft);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await Json(r);
    }

    public static async Task<JsonElement> PublishAsync(HttpClient api, JsonElement notice)
    {
        var r = await api.PostAsJsonAsync($"/api/notices/{notice.GetProperty("id").GetGuid()}/publish", new { version = notice.GetProperty("version").GetUInt32() });
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return await Json(r);
    }

    /// <summary>The titles of one page of GET /api/notices with <paramref name="query"/> (200 expected).</summary>
    public static async Task<IReadOnlyList<string>> TitlesAsync(HttpClient api, string query = "pageSize=200")
    {
        var r = await api.GetAsync("/api/notices?" + query);
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var page = await Json(r);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];
    }

    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage r, HttpStatusCode status)
    {
        r.StatusCode.ShouldBe(status, await r.Content.ReadAsStringAsync());
        return (await Json(r)).GetProperty("errors")[0];
    }
}
