using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Qilu.Host.Operations;

/// <summary>
/// Health responses as JSON: overall status and each check's status, description and duration. Exception text is
/// shown only in Development: probes are often reachable from outside the cluster, and the details are in the log.
/// </summary>
internal static class HealthResponseWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        var development = context.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment();
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await using var writer = new Utf8JsonWriter(context.Response.Body, new JsonWriterOptions
        {
            Indented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        });
        writer.WriteStartObject();
        writer.WriteString("status", report.Status.ToString());
        writer.WriteNumber("totalDurationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
        writer.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries)
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteString("status", entry.Status.ToString());
            if (entry.Description is not null) writer.WriteString("description", entry.Description);
            writer.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
            foreach (var (key, value) in entry.Data)
                writer.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            if (development && entry.Exception is not null) writer.WriteString("error", entry.Exception.Message);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
