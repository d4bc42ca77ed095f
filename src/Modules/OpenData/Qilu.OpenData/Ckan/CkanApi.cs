using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qilu.OpenData.Datasets;

namespace Qilu.OpenData.Ckan;

/// <summary>A result the action writes itself (package lists written straight from the stored package dicts).</summary>
internal sealed record RawResult(Action<Utf8JsonWriter> Write);

/// <summary>One call of an action: its parameters, the request and the public base URL links are written against.</summary>
internal sealed record CkanCall(CkanParams Params, HttpContext Http, string BaseUrl)
{
    public T Service<T>() where T : notnull => Http.RequestServices.GetRequiredService<T>();

    public CancellationToken Aborted => Http.RequestAborted;

    public string Absolute(string stored) => stored.Replace(PackageDocument.BasePlaceholder, BaseUrl, StringComparison.Ordinal);

    /// <summary>Writes a stored package dict as a raw JSON value with its links made absolute, encoding it to UTF-8 once
    /// into a pooled buffer (no intermediate string per hit: <c>package_search</c> writes up to 1,000 of them).</summary>
    public void WriteStored(Utf8JsonWriter writer, string stored)
    {
        var placeholder = PackageDocument.BasePlaceholder.AsSpan();
        var baseBytes = _baseUtf8 ??= System.Text.Encoding.UTF8.GetBytes(BaseUrl);
        var text = stored.AsSpan();
        var occurrences = text.Count(placeholder);
        var size = System.Text.Encoding.UTF8.GetByteCount(text) + occurrences * (baseBytes.Length - placeholder.Length);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var written = 0;
            while (true)
            {
                var at = text.IndexOf(placeholder, StringComparison.Ordinal);
                written += System.Text.Encoding.UTF8.GetBytes(at < 0 ? text : text[..at], buffer.AsSpan(written));
                if (at < 0) break;
                baseBytes.CopyTo(buffer.AsSpan(written));
                written += baseBytes.Length;
                text = text[(at + placeholder.Length)..];
            }
            writer.WriteRawValue(buffer.AsSpan(0, written), skipInputValidation: true);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private byte[]? _baseUtf8;
}

/// <summary>
/// The CKAN Action API (read side) at <c>/api/3/action/{name}</c>, GET or POST, with CKAN's envelope
/// <c>{"help", "success", "result"}</c> and its error shape, so that CKAN clients and harvesters work unchanged.
/// Unknown actions are 400 as in CKAN (ckan/views/api.py); no input can produce a 500.
/// </summary>
internal static partial class CkanApi
{
    private static readonly Dictionary<string, Func<CkanCall, Task<object>>> Actions = new(StringComparer.Ordinal)
    {
        ["status_show"] = StatusShow.RunAsync,
        ["package_list"] = PackageList.RunAsync,
        ["package_search"] = PackageSearch.RunAsync,
        ["package_show"] = PackageShow.RunAsync,
        ["organization_list"] = OrganizationList.RunAsync,
        ["organization_show"] = OrganizationShow.RunAsync,
        ["group_list"] = GroupList.RunAsync,
        ["tag_list"] = TagList.RunAsync,
        ["resource_show"] = ResourceShow.RunAsync,
        ["datastore_search"] = DatastoreSearch.RunAsync,
    };

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/api/3/action/{action}", ["GET", "POST"], HandleAsync)
            .AllowAnonymous().DisableAntiforgery().WithTags("CKAN").WithName("CkanAction")
            .WithSummary("CKAN Action API (package_search, package_show, datastore_search …)");
    }

    internal static async Task HandleAsync(string action, HttpContext ctx)
    {
        var baseUrl = PublicBase.Of(ctx);
        var help = $"{baseUrl}/api/3/action/help_show?name={Uri.EscapeDataString(action)}";
        try
        {
            if (!Actions.TryGetValue(action, out var run)) throw CkanError.BadRequest("Action name not known: " + action);
            var call = new CkanCall(await CkanParams.ReadAsync(ctx.Request, ctx.RequestAborted), ctx, baseUrl);
            var result = await run(call);
            await WriteAsync(ctx, 200, help, w =>
            {
                w.WriteBoolean("success", true);
                w.WritePropertyName("result");
                switch (result)
                {
                    case RawResult raw: w.WriteStartObject(); raw.Write(w); w.WriteEndObject(); break;
                    case JsonNode node: node.WriteTo(w); break;
                    default: JsonSerializer.Serialize(w, result); break;
                }
            });
        }
        catch (CkanError error)
        {
            await WriteErrorAsync(ctx, help, error);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException or InvalidOperationException && !ctx.Response.HasStarted)
        {
            // Never a 500 for input: anything the parsers did not anticipate is reported as the caller's bad request.
            Log(ctx, ex);
            await WriteErrorAsync(ctx, help, CkanError.BadRequest(ex.Message));
        }
    }

    private static Task WriteErrorAsync(HttpContext ctx, string help, CkanError error) => WriteAsync(ctx, error.Status, help, w =>
    {
        w.WriteBoolean("success", false);
        w.WriteStartObject("error");
        w.WriteString("__type", error.Type);
        w.WriteString("message", error.Message);
        foreach (var (field, message) in error.Fields)
        {
            w.WriteStartArray(field);
            w.WriteStringValue(message);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    });

    private static async Task WriteAsync(HttpContext ctx, int status, string help, Action<Utf8JsonWriter> body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json;charset=utf-8";
        await using (var w = new Utf8JsonWriter(ctx.Response.BodyWriter, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("help", help);
            body(w);
            w.WriteEndObject();
        }
        await ctx.Response.BodyWriter.FlushAsync(ctx.RequestAborted);
    }

    private static void Log(HttpContext ctx, Exception ex) =>
        LogRejected(ctx.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Qilu.OpenData.Ckan"), ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "CKAN action input rejected")]
    private static partial void LogRejected(ILogger logger, Exception ex);
}

/// <summary>The deployment's public base URL: <c>Qilu:PublicUrl</c> when configured, else the request's own.</summary>
internal static class PublicBase
{
    public static string Of(HttpContext ctx)
    {
        var configured = ctx.RequestServices.GetService<Microsoft.Extensions.Options.IOptions<Qilu.Platform.Hosting.QiluOptions>>()?.Value.PublicUrl;
        return !string.IsNullOrWhiteSpace(configured) ? configured.TrimEnd('/') : $"{ctx.Request.Scheme}://{ctx.Request.Host}{ctx.Request.PathBase}";
    }
}
