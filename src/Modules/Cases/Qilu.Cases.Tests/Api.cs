using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Qilu.Cases.Tests;

/// <summary>Small HTTP helpers for the case API.</summary>
internal static class Api
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<JsonElement> OkAsync(this Task<HttpResponseMessage> call, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var r = await call;
        var body = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(expected, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> ApplyAsync(this HttpClient api, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return api.SendAsync(request);
    }

    public static Task<HttpResponseMessage> ActAsync(this HttpClient api, Guid caseId, string action, object? body = null) =>
        api.PostAsJsonAsync($"/api/cases/{caseId}/actions/{action}", body ?? new { });

    public static Guid Id(this JsonElement detail) => detail.GetProperty("case").GetProperty("id").GetGuid();

    public static string Status(this JsonElement detail) => detail.GetProperty("case").GetProperty("status").GetString()!;

    public static string[] Codes(this JsonElement problem) => [.. problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!)];

    public static string[] Fields(this JsonElement problem) => [.. problem.GetProperty("errors").EnumerateArray().Select(e => e.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString()! : "")];

    /// <summary>A minimal well-formed PDF.</summary>
    public static byte[] Pdf(string text) => System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj<<>>endobj\n% {text}\ntrailer<<>>\n%%EOF\n");

    public static async Task<Guid> UploadAsync(this HttpClient api, byte[] bytes, string name)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(bytes), "file", name);
        var r = await api.PostAsync("/api/cases/library", form);
        var body = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }
}
