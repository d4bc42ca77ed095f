using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Qilu.Catalog.Resources.Import;

/// <summary>
/// Streams a JSON array of objects (<see cref="JsonSerializer.DeserializeAsyncEnumerable{TValue}(Stream, JsonSerializerOptions?, CancellationToken)"/>
/// buffers one element at a time). Yields a header of the column names, then each object's values in that order;
/// properties are matched by field name or element identifier, others are ignored.
/// </summary>
internal static class JsonRows
{
    public static async IAsyncEnumerable<string?[]> ReadAsync(Stream stream, IReadOnlyList<TableColumn> columns, [EnumeratorCancellation] CancellationToken ct)
    {
        yield return [.. columns.Select(c => c.Field)];
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            lookup[columns[i].Field] = i;
            lookup.TryAdd(columns[i].ElementIdentifier, i);
        }
        await foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: ct))
        {
            var values = new string?[columns.Count];
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in element.EnumerateObject())
                {
                    if (!lookup.TryGetValue(p.Name, out var i)) continue;
                    values[i] = p.Value.ValueKind switch
                    {
                        JsonValueKind.String => p.Value.GetString(),
                        JsonValueKind.Number => p.Value.GetRawText(),
                        JsonValueKind.True => "true",
                        JsonValueKind.False => "false",
                        JsonValueKind.Null or JsonValueKind.Undefined => null,
                        _ => p.Value.GetRawText(),
                    };
                }
            }
            else values[0] = string.Create(CultureInfo.InvariantCulture, $"\u0000{element.ValueKind}");
            yield return values;
        }
    }
}
