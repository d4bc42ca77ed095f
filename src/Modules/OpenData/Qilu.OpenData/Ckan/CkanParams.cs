using System.Globalization;
using System.Text.Json;

namespace Qilu.OpenData.Ckan;

/// <summary>
/// The parameters of an action call, from the query string (GET) or the JSON body (POST), as CKAN accepts both.
/// Every action declares the names it knows; any other name is refused (<see cref="RejectUnknown"/>), so a typo is an
/// error rather than a silently ignored filter.
/// </summary>
internal sealed class CkanParams(Dictionary<string, JsonElement> values)
{
    public IReadOnlyDictionary<string, JsonElement> Values => values;

    public static async Task<CkanParams> ReadAsync(Microsoft.AspNetCore.Http.HttpRequest request, CancellationToken ct)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
            values[key] = JsonSerializer.SerializeToElement(value.Count == 1 ? value[0] : (object?)value.ToArray());
        if (Microsoft.AspNetCore.Http.HttpMethods.IsPost(request.Method) && request.ContentLength != 0)
        {
            if (request.HasFormContentType)
            {
                foreach (var (key, value) in await request.ReadFormAsync(ct)) values[key] = JsonSerializer.SerializeToElement(value.ToString());
            }
            else
            {
                JsonDocument body;
                try
                {
                    body = await JsonDocument.ParseAsync(request.Body, default, ct);
                }
                catch (JsonException ex)
                {
                    throw CkanError.BadRequest("JSON Error: " + ex.Message);
                }
                if (body.RootElement.ValueKind != JsonValueKind.Object)
                    throw CkanError.BadRequest("JSON Error: Request data JSON decoded to '" + body.RootElement.ValueKind + "' but it needs to be a dictionary.");
                foreach (var p in body.RootElement.EnumerateObject()) values[p.Name] = p.Value.Clone();
            }
        }
        return new CkanParams(values);
    }

    public void RejectUnknown(params string[] known)
    {
        foreach (var key in values.Keys)
        {
            // ext_* parameters are passed to plugins in CKAN; "_" is the usual cache-buster of browser clients.
            if (known.Contains(key, StringComparer.Ordinal) || key.StartsWith("ext_", StringComparison.Ordinal) || key == "_") continue;
            throw CkanError.Validation(key, "The parameter is not known to this action (未知参数)");
        }
    }

    public bool Has(string name) => values.ContainsKey(name);

    public string? String(string name)
    {
        if (!values.TryGetValue(name, out var v) || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => throw CkanError.Validation(name, "Must be a string"),
        };
    }

    public string Required(string name) =>
        String(name) is { Length: > 0 } s ? s : throw CkanError.Validation(name, "Missing value");

    public int Int(string name, int fallback, int min, int max)
    {
        var text = String(name);
        if (text is null) return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) throw CkanError.Validation(name, "Invalid integer");
        if (n < min) throw CkanError.Validation(name, $"Must be greater than or equal to {min}");
        if (n > max) throw CkanError.Validation(name, $"Must be less than or equal to {max}");
        return n;
    }

    public bool Bool(string name, bool fallback)
    {
        var text = String(name);
        if (text is null) return fallback;
        return text.ToLowerInvariant() switch
        {
            "true" or "1" or "yes" or "on" => true,
            "false" or "0" or "no" or "off" => false,
            _ => throw CkanError.Validation(name, "Value must be one of: true, false"),
        };
    }

    /// <summary>A list given as a JSON array, a JSON array inside a string (<c>facet.field=["tags"]</c>), or a comma-separated string.</summary>
    public IReadOnlyList<string>? List(string name)
    {
        if (!values.TryGetValue(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.Array) return [.. v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw CkanError.Validation(name, "Must be a list of strings"))];
        var text = String(name)!.Trim();
        if (text.StartsWith('['))
        {
            try
            {
                return JsonSerializer.Deserialize<List<string>>(text) ?? [];
            }
            catch (JsonException)
            {
                throw CkanError.Validation(name, "Must be a JSON list of strings");
            }
        }
        return [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    /// <summary>A JSON object given as JSON (POST) or as a JSON string (GET).</summary>
    public JsonElement? Object(string name)
    {
        if (!values.TryGetValue(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.Object) return v;
        if (v.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var doc = JsonDocument.Parse(v.GetString()!);
                if (doc.RootElement.ValueKind == JsonValueKind.Object) return doc.RootElement.Clone();
            }
            catch (JsonException)
            {
                // reported below
            }
        }
        throw CkanError.Validation(name, "Must be a JSON object");
    }
}
