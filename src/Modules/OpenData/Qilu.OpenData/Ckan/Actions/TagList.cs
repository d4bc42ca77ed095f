using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qilu.OpenData.Data;
using Qilu.OpenData.Datasets;

namespace Qilu.OpenData.Ckan;

/// <summary><c>tag_list</c>: the tags of published datasets (free tags; no vocabularies), optionally matching <c>query</c>.</summary>
internal static class TagList
{
    public static async Task<object> RunAsync(CkanCall call)
    {
        call.Params.RejectUnknown("query", "vocabulary_id", "all_fields");
        if (call.Params.String("vocabulary_id") is { } vocabulary) throw CkanError.NotFound($"Could not find vocabulary \"{vocabulary}\"");
        var query = call.Params.String("query");
        var allFields = call.Params.Bool("all_fields", false);
        var db = call.Service<OpenDataDbContext>();
        var texts = await db.Datasets.AsNoTracking().Where(d => d.State == DatasetState.Published && d.TagsText != "").Select(d => d.TagsText).ToListAsync(call.Aborted);
        var tags = texts.SelectMany(t => t.Split('|')).Distinct(StringComparer.Ordinal)
            .Where(t => query is null || t.Contains(query, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal);
        return new JsonArray([.. tags.Select(t => allFields
            ? new JsonObject { ["id"] = Vocabulary.NameId("tag", t).ToString(), ["name"] = t, ["vocabulary_id"] = null }
            : (JsonNode)t)]);
    }
}
