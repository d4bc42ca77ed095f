using System.Globalization;
using System.Text;
using System.Text.Json;
using Qilu.Catalog.Contracts;
using Qilu.OpenData.Datasets;
using Qilu.OpenData.Rows;

namespace Qilu.OpenData.Ckan;

/// <summary>
/// <c>datastore_search</c> over a dataset's resource: <c>resource_id</c>, <c>filters</c> (field → value, or a one-value
/// list), <c>q</c> (text over all fields, or a field → value object), <c>fields</c>, <c>sort</c> (one field),
/// <c>limit</c> (default 100, ≤ 32,000 as CKAN's <c>ckan.datastore.search.rows_max</c>), <c>offset</c>,
/// <c>include_total</c>, <c>records_format</c> objects|lists|csv. Removed fields do not exist for the caller; aggregated
/// fields are returned generalised and cannot be filtered or sorted on (that would reveal the exact value).
/// </summary>
internal static class DatastoreSearch
{
    public const int LimitMax = 32_000;

    public static async Task<object> RunAsync(CkanCall call)
    {
        var p = call.Params;
        p.RejectUnknown("resource_id", "id", "filters", "q", "full_text", "fields", "sort", "limit", "offset", "include_total", "records_format",
            "plain", "language", "distinct", "total_estimation_threshold", "include_next_page");
        var idText = p.String("resource_id") ?? p.String("id") ?? throw CkanError.Validation("resource_id", "Missing value");
        var limit = p.Int("limit", 100, 0, LimitMax);
        var offset = p.Int("offset", 0, 0, int.MaxValue);
        var includeTotal = p.Bool("include_total", true);
        if (p.Bool("distinct", false)) throw CkanError.Validation("distinct", "distinct is not supported");
        var format = p.String("records_format") ?? "objects";
        if (format is not ("objects" or "lists" or "csv")) throw CkanError.Validation("records_format", "Value must be one of: objects, lists, csv");

        var access = call.Service<RowAccess>();
        var found = (Guid.TryParse(idText, out var id) ? await access.FindAsync(id, call.Aborted) : null)
            ?? throw CkanError.NotFound($"Resource \"{idText}\" was not found.");
        var grant = await access.CheckAsync(found.Dataset, call.Http, call.Aborted);
        if (!grant.Allowed)
            throw CkanError.NotAuthorized($"Access denied: 数据集「{found.Dataset.Title}」为有条件开放，须申请获批后使用 API Key 访问 (resource {idText})");
        var resource = found.For(grant);

        var fields = resource.Fields;
        if (p.List("fields") is { Count: > 0 } wanted)
        {
            fields = [.. wanted.Where(w => w != "_id").Select(w => resource.Field(w) ?? throw CkanError.Validation("fields", $"field \"{w}\" not in resource"))];
        }
        var filters = new List<RowFilter>();
        if (p.Object("filters") is { } filterObject) filters.AddRange(Filters(resource, filterObject, "filters"));
        string? text = null;
        if (p.Has("q") || p.Has("full_text"))
        {
            var qName = p.Has("q") ? "q" : "full_text";
            var raw = p.Values[qName];
            if (raw.ValueKind == JsonValueKind.Object || raw.ValueKind == JsonValueKind.String && raw.GetString()!.TrimStart().StartsWith('{'))
                filters.AddRange(Filters(resource, p.Object(qName)!.Value, qName));
            else text = p.String(qName);
        }
        var (sortField, descending) = Sort(resource, p.String("sort"));

        PublishedPage page;
        try
        {
            page = await call.Service<RowReader>().ReadAsync(resource, fields, filters, text, limit, offset, includeTotal, sortField, descending, call.Aborted);
        }
        catch (TextSearchTooLargeException ex)
        {
            throw CkanError.SearchQuery($"Full-text q is limited to resources of at most {RowReader.TextScanLimit} rows (this one has {ex.RowCount}); use filters");
        }
        await access.CountAsync(resource.Dataset.Id, grant, download: false, call.Aborted);

        var link = $"/api/3/action/datastore_search?resource_id={resource.Resource.Id}";
        return new RawResult(w =>
        {
            w.WriteBoolean("include_total", includeTotal);
            w.WriteNumber("limit", limit);
            w.WriteString("records_format", format);
            w.WriteString("resource_id", resource.Resource.Id.ToString());
            w.WriteNull("total_estimation_threshold");
            w.WriteStartArray("fields");
            w.WriteStartObject(); w.WriteString("id", "_id"); w.WriteString("type", "int"); w.WriteEndObject();
            foreach (var f in page.Fields) { w.WriteStartObject(); w.WriteString("id", f.Name); w.WriteString("type", TypeOf(f)); w.WriteEndObject(); }
            w.WriteEndArray();
            WriteRecords(w, format, page, offset);
            w.WriteStartObject("_links");
            w.WriteString("start", link);
            w.WriteString("next", string.Create(CultureInfo.InvariantCulture, $"{link}&offset={offset + limit}"));
            w.WriteEndObject();
            if (page.Total is { } total)
            {
                w.WriteNumber("total", total);
                w.WriteBoolean("total_was_estimated", false);
            }
            if (offset > 0) w.WriteNumber("offset", offset);
            w.WriteStartObject("filters");
            foreach (var f in filters) w.WriteString(f.Field, f.Value);
            w.WriteEndObject();
            if (text is not null) w.WriteString("q", text);
            if (sortField is not null) w.WriteString("sort", $"{sortField} {(descending ? "desc" : "asc")}");
        });
    }

    private static void WriteRecords(Utf8JsonWriter w, string format, PublishedPage page, long offset)
    {
        if (format == "csv")
        {
            var sb = new StringBuilder();
            for (var i = 0; i < page.Rows.Count; i++)
                sb.Append((offset + i + 1).ToString(CultureInfo.InvariantCulture)).Append(',').AppendJoin(',', page.Rows[i].Select(Csv.Escape)).Append('\n');
            w.WriteString("records", sb.ToString());
            return;
        }
        w.WriteStartArray("records");
        for (var i = 0; i < page.Rows.Count; i++)
        {
            var row = page.Rows[i];
            if (format == "lists")
            {
                w.WriteStartArray();
                w.WriteNumberValue(offset + i + 1);
                foreach (var v in row) w.WriteStringValue(v);
                w.WriteEndArray();
                continue;
            }
            w.WriteStartObject();
            w.WriteNumber("_id", offset + i + 1);
            for (var c = 0; c < row.Length; c++) w.WriteString(page.Fields[c].Name, row[c]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static IEnumerable<RowFilter> Filters(OpenResource resource, JsonElement obj, string param)
    {
        foreach (var prop in obj.EnumerateObject())
        {
            var field = resource.Field(prop.Name) ?? throw CkanError.Validation(param, $"field \"{prop.Name}\" not in resource");
            if (field.Treatment == FieldTreatment.Aggregate) throw CkanError.Validation(param, $"field \"{prop.Name}\" is aggregated and cannot be filtered");
            var value = prop.Value.ValueKind switch
            {
                JsonValueKind.String => prop.Value.GetString()!,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => prop.Value.GetRawText(),
                JsonValueKind.Array when prop.Value.GetArrayLength() == 1 && prop.Value[0].ValueKind is JsonValueKind.String or JsonValueKind.Number =>
                    prop.Value[0].ValueKind == JsonValueKind.String ? prop.Value[0].GetString()! : prop.Value[0].GetRawText(),
                _ => throw CkanError.Validation(param, $"filter on \"{prop.Name}\" must be a value (or a list of one value)"),
            };
            yield return new RowFilter(prop.Name, value);
        }
    }

    private static (string? Field, bool Descending) Sort(OpenResource resource, string? sort)
    {
        if (string.IsNullOrWhiteSpace(sort)) return (null, false);
        if (sort.Contains(',', StringComparison.Ordinal)) throw CkanError.Validation("sort", "sort on one field only");
        var parts = sort.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var name = parts[0].Trim('"');
        if (parts.Length > 2 || parts.Length == 2 && parts[1].ToLowerInvariant() is not ("asc" or "desc"))
            throw CkanError.Validation("sort", $"Cannot parse sort \"{sort}\"");
        var field = resource.Field(name) ?? throw CkanError.Validation("sort", $"field \"{name}\" not in resource");
        if (field.Treatment == FieldTreatment.Aggregate) throw CkanError.Validation("sort", $"field \"{name}\" is aggregated and cannot be sorted on");
        return (name, parts.Length == 2 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The DataStore column type of a field (text, int, numeric, date, timestamp, bool).</summary>
    internal static string TypeOf(DatasetField f) => f.Treatment == FieldTreatment.Aggregate ? "text" : f.DataType switch
    {
        "integer" => "int",
        "decimal" => "numeric",
        "date" => "date",
        "datetime" => "timestamp",
        "boolean" => "bool",
        _ => "text",
    };
}

/// <summary>RFC 4180 quoting, values kept exactly (a datastore dump is read by programs, not opened as a spreadsheet).</summary>
internal static class Csv
{
    public static string Escape(string? value) => Qilu.SharedKernel.Text.Csv.Cell(value, forSpreadsheet: false);
}
