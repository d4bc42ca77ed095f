using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace Qilu.Hotline.Open311;

/// <summary>An Open311 object: ordered fields whose values are text, numbers, booleans, null or lists of objects.</summary>
internal sealed class O311 : List<KeyValuePair<string, object?>>
{
    public O311 With(string key, object? value)
    {
        Add(new(key, value));
        return this;
    }
}

/// <summary>
/// Writes GeoReport v2 bodies in both formats. XML is the required one (UTF-8, the element names of the spec, a root
/// element per method, one child per item); JSON is the same tree as an array of objects. Dates are ISO 8601 with
/// the offset (China time). Errors are <c>[{"code","description"}]</c> / <c>&lt;errors&gt;&lt;error&gt;…</c>.
/// </summary>
internal static class Open311Format
{
    public static bool IsKnown(string? format) => format is "json" or "xml";

    public static IResult Write(string format, string root, string item, IEnumerable<O311> items, int status = StatusCodes.Status200OK) =>
        format == "xml" ? Xml(root, item, items, status) : Json(items, status);

    /// <summary>A single object (service definition) as the root itself.</summary>
    public static IResult WriteOne(string format, string root, O311 value) =>
        format == "xml" ? Xml(null, root, [value], StatusCodes.Status200OK) : Json(value, StatusCodes.Status200OK);

    public static IResult Errors(string? format, int status, params string[] descriptions) =>
        Write(format == "xml" ? "xml" : "json", "errors", "error", descriptions.Select(d => new O311().With("code", status).With("description", d)), status);

    public static string Date(DateTimeOffset? d) => d is { } v ? v.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : "";

    private static IResult Json(object value, int status)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            if (value is O311 one) WriteObject(w, one);
            else
            {
                w.WriteStartArray();
                foreach (var o in (IEnumerable<O311>)value) WriteObject(w, o);
                w.WriteEndArray();
            }
        }
        return Results.Text(Encoding.UTF8.GetString(stream.ToArray()), "application/json; charset=utf-8", Encoding.UTF8, status);
    }

    private static void WriteObject(Utf8JsonWriter w, O311 o)
    {
        w.WriteStartObject();
        foreach (var (k, v) in o)
        {
            w.WritePropertyName(k);
            switch (v)
            {
                case null: w.WriteNullValue(); break;
                case bool b: w.WriteBooleanValue(b); break;
                case int i: w.WriteNumberValue(i); break;
                case double d: w.WriteNumberValue(d); break;
                case IEnumerable<O311> list:
                    w.WriteStartArray();
                    foreach (var x in list) WriteObject(w, x);
                    w.WriteEndArray();
                    break;
                default: w.WriteStringValue(Convert.ToString(v, CultureInfo.InvariantCulture)); break;
            }
        }
        w.WriteEndObject();
    }

    private static IResult Xml(string? root, string item, IEnumerable<O311> items, int status)
    {
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(new StringWriter(sb, CultureInfo.InvariantCulture), new XmlWriterSettings { Encoding = Encoding.UTF8, Indent = false }))
        {
            w.WriteStartDocument();
            if (root is not null) w.WriteStartElement(root);
            foreach (var o in items) WriteElement(w, item, o);
            if (root is not null) w.WriteEndElement();
            w.WriteEndDocument();
        }
        // StringWriter reports UTF-16 in the declaration; the body goes out as UTF-8.
        var text = sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
        return Results.Text(text, "text/xml; charset=utf-8", Encoding.UTF8, status);
    }

    private static void WriteElement(XmlWriter w, string name, O311 o)
    {
        w.WriteStartElement(name);
        foreach (var (k, v) in o)
        {
            if (v is IEnumerable<O311> list)
            {
                // <attributes><attribute>…</attribute></attributes>, <values><value>…</value></values>
                w.WriteStartElement(k);
                foreach (var x in list) WriteElement(w, k.TrimEnd('s'), x);
                w.WriteEndElement();
                continue;
            }
            w.WriteElementString(k, v switch
            {
                null => "",
                bool b => b ? "true" : "false",
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                _ => Convert.ToString(v, CultureInfo.InvariantCulture),
            });
        }
        w.WriteEndElement();
    }
}
