using Qilu.OpenData.Data;
using Qilu.OpenData.Search;
using Qilu.Search;

namespace Qilu.OpenData.Ckan;

/// <summary>
/// <c>package_search</c> on the Chinese full-text index: <c>q</c> (words and field clauses), <c>fq</c>, <c>rows</c>
/// (≤ 1000, CKAN's <c>ckan.search.rows_max</c>), <c>start</c>, <c>sort</c>, <c>facet.field</c>, <c>facet.limit</c>,
/// <c>facet.mincount</c>. Results are the stored package dicts returned with the hits: one SQL statement per call
/// (the index's freshness check) however many rows are asked for; a hit's stored dict is read from the index without
/// its text fields and without highlighting (which re-ran the Chinese analyser on every hit: ~80 % of a call's CPU),
/// and is written to the response as UTF-8 bytes, never parsed. <c>include_private</c> and <c>include_drafts</c> are
/// accepted and ignored: the public sees published datasets only.
/// </summary>
internal static class PackageSearch
{
    public const int RowsMax = 1000;

    private static readonly Dictionary<string, float> Boosts = new(StringComparer.Ordinal) { ["title"] = 3, ["text"] = 1 };

    private static readonly Dictionary<string, string> Sortable = new(StringComparer.Ordinal)
    {
        ["metadata_modified"] = "metadata_modified", ["metadata_created"] = "metadata_created", ["name"] = "name",
        ["title_string"] = "title_string", ["views_recent"] = "views_total", ["views_total"] = "views_total",
    };

    public static async Task<object> RunAsync(CkanCall call)
    {
        var p = call.Params;
        p.RejectUnknown("q", "fq", "fq_list", "rows", "start", "sort", "facet", "facet.field", "facet.limit", "facet.mincount", "include_private",
            "include_drafts", "include_deleted", "use_default_schema", "fl", "qf", "wt", "bf", "boost", "tie", "defType", "mm", "df", "hl", "q.op");
        var rows = p.Int("rows", 10, 0, RowsMax);
        var start = p.Int("start", 0, 0, int.MaxValue - RowsMax);
        var filters = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var q = p.String("q") ?? "";
        var text = q.Trim() is "" or "*:*" ? "" : FilterQuery.Parse(q, filters, allowFreeText: true);
        if (p.String("fq") is { Length: > 0 } fq) FilterQuery.Parse(fq, filters, allowFreeText: false);
        foreach (var extra in p.List("fq_list") ?? []) FilterQuery.Parse(extra, filters, allowFreeText: false);
        var facetOn = p.Bool("facet", true);
        var facetFields = facetOn ? p.List("facet.field") ?? [] : [];
        foreach (var f in facetFields)
            if (!FilterQuery.Fields.Contains(f, StringComparer.Ordinal)) throw CkanError.SearchQuery($"Invalid facet.field: undefined field {f}");
        var facetLimit = p.Int("facet.limit", 50, -1, int.MaxValue);
        var facetMin = p.Int("facet.mincount", 1, 0, int.MaxValue);
        var (sortBy, descending, sortText) = ParseSort(p.String("sort"), text.Length > 0);

        var index = call.Service<DatasetIndex>();
        await index.CatchUpAsync(call.Service<OpenDataDbContext>(), call.Aborted);
        var result = index.Index.Search(new SearchQuery(text.Length == 0 ? null : text,
            filters.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value), facetFields, start, rows, sortBy, descending,
            Boosts, Highlight: false));

        var facets = facetFields.Distinct(StringComparer.Ordinal).ToDictionary(f => f, f => (result.Facets.GetValueOrDefault(f) ?? [])
            .Where(c => c.Count >= facetMin).Take(facetLimit < 0 ? int.MaxValue : facetLimit).ToList(), StringComparer.Ordinal);
        return new RawResult(w =>
        {
            w.WriteNumber("count", result.Total);
            w.WriteStartObject("facets");
            foreach (var (field, counts) in facets)
            {
                w.WriteStartObject(field);
                foreach (var c in counts) w.WriteNumber(c.Value, c.Count);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteStartArray("results");
            foreach (var hit in result.Hits) call.WriteStored(w, hit.Payload ?? "{}");
            w.WriteEndArray();
            w.WriteString("sort", sortText);
            w.WriteStartObject("search_facets");
            foreach (var (field, counts) in facets)
            {
                w.WriteStartObject(field);
                w.WriteString("title", field);
                w.WriteStartArray("items");
                foreach (var c in counts)
                {
                    w.WriteStartObject();
                    w.WriteNumber("count", c.Count);
                    w.WriteString("display_name", DisplayName(index, field, c.Value));
                    w.WriteString("name", c.Value);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        });
    }

    /// <summary>The facet value as people read it: organisation titles, theme names for group slugs.</summary>
    internal static string DisplayName(DatasetIndex index, string field, string value) => field switch
    {
        "organization" => index.OrganizationTitle(value),
        "groups" => Datasets.Vocabulary.ThemeOf(value, ThemeNames) ?? value,
        _ => value,
    };

    private static readonly string[] ThemeNames = ["人口", "法人单位", "自然资源和空间地理", "社会信用", "电子证照", "公共服务", "健康保障", "社会保障",
        "食品药品安全", "安全生产", "价格监管", "能源安全", "信用体系", "城乡建设", "社区治理", "生态环保", "应急维稳", "综合"];

    /// <summary>CKAN's sort: comma-separated <c>field dir</c>; the first non-score key is used, score otherwise.</summary>
    internal static (string? By, bool Descending, string Text) ParseSort(string? sort, bool hasText)
    {
        var text = string.IsNullOrWhiteSpace(sort) ? "score desc, metadata_modified desc" : sort.Trim();
        foreach (var clause in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || parts[1] is not ("asc" or "desc"))
                throw CkanError.SearchQuery($"Invalid sort: '{clause}' (use field asc|desc)");
            if (parts[0] == "score")
            {
                if (hasText) return (null, true, text);
                continue;
            }
            if (!Sortable.TryGetValue(parts[0], out var by))
                throw CkanError.SearchQuery($"Invalid sort: cannot sort on {parts[0]} (use score, {string.Join(", ", Sortable.Keys)})");
            return (by, parts[1] == "desc", text);
        }
        return (hasText ? null : "metadata_modified", true, text);
    }

}
