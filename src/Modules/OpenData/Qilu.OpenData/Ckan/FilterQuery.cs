using System.Text;

namespace Qilu.OpenData.Ckan;

/// <summary>
/// The subset of Solr filter syntax CKAN clients send in <c>fq</c> (and as field clauses in <c>q</c>):
/// <c>field:value</c>, <c>field:"quoted value"</c>, <c>field:(a OR b)</c>, optionally prefixed with <c>+</c> and
/// joined by spaces or <c>AND</c>. Fields are the indexed facets. Anything else is a Search Query Error (409),
/// as Solr's parse error is in CKAN.
/// </summary>
internal static class FilterQuery
{
    public static readonly string[] Fields = ["id", "name", "organization", "groups", "tags", "res_format", "license_id", "update_cycle", "open_type"];

    /// <summary>Parses <paramref name="text"/> into field → accepted values, adding to <paramref name="filters"/>;
    /// with <paramref name="allowFreeText"/> words that are not clauses are returned as free text.</summary>
    public static string Parse(string text, Dictionary<string, List<string>> filters, bool allowFreeText)
    {
        var free = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            var start = i;
            if (text[i] == '+') i++;
            var colon = text.IndexOf(':', i);
            var space = IndexOfSpace(text, i);
            if (colon < 0 || space >= 0 && space < colon)
            {
                var word = text[start..(space < 0 ? text.Length : space)];
                i = space < 0 ? text.Length : space;
                if (word is "AND" or "&&") continue;
                if (!allowFreeText || word.Contains('"', StringComparison.Ordinal) || word is "OR" or "NOT" || word.StartsWith('-'))
                    throw CkanError.SearchQuery($"Invalid query: cannot parse '{word}' (use field:value)");
                free.Append(word).Append(' ');
                continue;
            }
            var field = text[i..colon];
            if (field == "*" && colon + 1 < text.Length && text[colon + 1] == '*') { i = colon + 2; continue; }
            if (!Fields.Contains(field, StringComparer.Ordinal))
                throw CkanError.SearchQuery($"Invalid query: undefined field {field} (fields: {string.Join(", ", Fields)})");
            i = colon + 1;
            var values = new List<string>();
            if (i < text.Length && text[i] == '"')
            {
                var end = text.IndexOf('"', i + 1);
                if (end < 0) throw CkanError.SearchQuery("Invalid query: unterminated quote");
                values.Add(text[(i + 1)..end]);
                i = end + 1;
            }
            else if (i < text.Length && text[i] == '(')
            {
                var end = text.IndexOf(')', i);
                if (end < 0) throw CkanError.SearchQuery("Invalid query: unbalanced parenthesis");
                var parts = text[(i + 1)..end].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                for (var p = 0; p < parts.Length; p++)
                {
                    if (p % 2 == 1) { if (parts[p] != "OR") throw CkanError.SearchQuery("Invalid query: only OR lists are supported in (...)"); continue; }
                    values.Add(parts[p].Trim('"'));
                }
                i = end + 1;
            }
            else
            {
                var end = IndexOfSpace(text, i);
                var value = text[i..(end < 0 ? text.Length : end)];
                if (value.Length == 0 || value.IndexOfAny(['(', ')', '"', ':']) >= 0) throw CkanError.SearchQuery($"Invalid query: bad value for {field}");
                values.Add(value);
                i = end < 0 ? text.Length : end;
            }
            if (values.Count == 0) throw CkanError.SearchQuery($"Invalid query: empty value for {field}");
            if (filters.TryGetValue(field, out var existing))
            {
                // Two clauses on one field must both hold: keep only values in both.
                existing.RemoveAll(v => !values.Contains(v));
                if (existing.Count == 0) existing.Add("\u0000none");
            }
            else filters[field] = values;
        }
        return free.ToString().Trim();
    }

    private static int IndexOfSpace(string text, int from)
    {
        for (var i = from; i < text.Length; i++) if (char.IsWhiteSpace(text[i])) return i;
        return -1;
    }
}
