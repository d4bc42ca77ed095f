using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Qilu.Hotline.Tests;

/// <summary>Small HTTP helpers for the hotline API.</summary>
internal static class Api
{
    public static async Task<JsonElement> OkAsync(this Task<HttpResponseMessage> call, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var r = await call;
        var body = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(expected, body);
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> ActAsync(this HttpClient api, Guid id, string action, object? body = null) =>
        api.PostAsJsonAsync($"/api/hotline/tickets/{id}/{action}", body ?? new { });

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient api, object body) => api.PostAsJsonAsync("/api/hotline/tickets", body);

    /// <summary>A valid call about street vending in 历下区 (dispatch catalogue: 城管 主办, 市场监管 协办).</summary>
    public static object Call(string content = "泉城路东口有流动摊贩占道经营，晚上油烟很大，行人无法通行。", string division = "370102", bool confidential = false,
        string category = "010101", string urgency = "normal") => new
    {
        channel = "hotline", callerName = "刘女士", callerPhone = "13905310001", content, divisionCode = division, address = "泉城路东口",
        latitude = 36.6651, longitude = 117.0245, categoryCode = category, urgency, confidential,
    };

    public static Guid Id(this JsonElement t) => t.GetProperty("id").GetGuid();

    public static string Status(this JsonElement t) => t.GetProperty("status").GetString()!;

    public static uint Version(this JsonElement t) => t.GetProperty("version").GetUInt32();

    public static string[] Allowed(this JsonElement t) => [.. t.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!)];

    public static string[] Codes(this JsonElement problem) => [.. problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!)];

    public static string[] Fields(this JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateArray().Select(e => e.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString()! : "")];
}
