using System.Text.Json.Nodes;
using Qilu.Rules.Semantics;

namespace Qilu.Rules;

/// <summary>
/// Many entities in typed columns, one per schema variable (numbers as <c>double[]</c>, booleans and missing flags as
/// bitsets, dates as day numbers, strings interned to ids, arrays/objects as JSON), for <see cref="RuleSet.EvaluateAll"/>.
/// Row <c>i</c> means the JSON object <see cref="RowToJson"/> returns: dotted names nest, missing values are absent.
/// </summary>
public sealed class EntityTable
{
    private readonly Dictionary<string, EntityColumn> _columns = new(StringComparer.Ordinal);

    /// <summary>An empty table (every value missing) of <paramref name="rowCount"/> rows with a column per schema variable.</summary>
    public EntityTable(RuleSchema schema, int rowCount)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        Schema = schema;
        RowCount = rowCount;
        foreach (var v in schema.Variables)
        {
            if (schema.Variables.Any(o => o.Name.StartsWith(v.Name + ".", StringComparison.Ordinal)))
                throw new ArgumentException($"'{v.Name}' is the parent of other variables; a table stores leaf variables only.", nameof(schema));
            _columns[v.Name] = v.Type switch
            {
                RuleValueType.Number => new NumberColumn(v.Name, rowCount),
                RuleValueType.Boolean => new BooleanColumn(v.Name, rowCount),
                RuleValueType.Date => new DateColumn(v.Name, rowCount),
                RuleValueType.String => new StringColumn(v.Name, rowCount),
                _ => new JsonColumn(v.Name, v.Type, rowCount),
            };
        }
    }

    /// <summary>The schema the columns come from.</summary>
    public RuleSchema Schema { get; }

    /// <summary>Number of entities.</summary>
    public int RowCount { get; }

    /// <summary>The columns in schema order.</summary>
    public IEnumerable<EntityColumn> Columns => _columns.Values;

    /// <summary>The column of <paramref name="name"/>, or null.</summary>
    public EntityColumn? Column(string name) => _columns.GetValueOrDefault(name);

    /// <summary>The number column <paramref name="name"/> (throws when absent or of another type).</summary>
    public NumberColumn Numbers(string name) => Get<NumberColumn>(name);

    /// <summary>The string column <paramref name="name"/>.</summary>
    public StringColumn Strings(string name) => Get<StringColumn>(name);

    /// <summary>The boolean column <paramref name="name"/>.</summary>
    public BooleanColumn Booleans(string name) => Get<BooleanColumn>(name);

    /// <summary>The date column <paramref name="name"/>.</summary>
    public DateColumn Dates(string name) => Get<DateColumn>(name);

    /// <summary>The array or object column <paramref name="name"/>.</summary>
    public JsonColumn Json(string name) => Get<JsonColumn>(name);

    private T Get<T>(string name) where T : EntityColumn =>
        _columns.GetValueOrDefault(name) as T ?? throw new ArgumentException($"No {typeof(T).Name} named '{name}'.", nameof(name));

    /// <summary>
    /// Fills row <paramref name="row"/> from a JSON entity: each declared path is read; absent or null values become
    /// missing; a value of the wrong type (or a date that is not <c>yyyy-MM-dd</c>) throws <see cref="ArgumentException"/>.
    /// </summary>
    public void SetRow(int row, JsonNode? entity)
    {
        foreach (var column in _columns.Values)
        {
            var value = Find(entity, column.Name);
            if (value is null)
            {
                column.SetMissing(row);
                continue;
            }
            var v = Js.FromNode(value);
            switch (column)
            {
                case NumberColumn n when v is double d: n.Set(row, d); break;
                case BooleanColumn b when v is bool x: b.Set(row, x); break;
                case StringColumn s when v is string text: s.Set(row, text); break;
                case DateColumn dc when Semantics.Dates.IsCanonical(v): dc.Set(row, DateOnly.FromDayNumber(Semantics.Dates.Parse(v)!.Value)); break;
                case JsonColumn j when value is JsonArray or JsonObject: j.Set(row, value); break;
                default:
                    throw new ArgumentException($"Row {row}: '{column.Name}' must be a {column.Type.ToString().ToLowerInvariant()}, got {value.ToJsonString()}.", nameof(entity));
            }
        }
    }

    /// <summary>A table of <paramref name="rows"/> (see <see cref="SetRow"/>).</summary>
    public static EntityTable FromJson(RuleSchema schema, IReadOnlyList<JsonNode?> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = new EntityTable(schema, rows.Count);
        for (var i = 0; i < rows.Count; i++) table.SetRow(i, rows[i]);
        return table;
    }

    /// <summary>Row <paramref name="row"/> as the JSON object rules see (what the per-entity fallback evaluates).</summary>
    public JsonObject RowToJson(int row) => RowToJsonSubset(row, _columns.Values);

    /// <summary>Row <paramref name="row"/> with only <paramref name="columns"/> (what a rule reads is enough to evaluate it).</summary>
    internal JsonObject RowToJsonSubset(int row, IEnumerable<EntityColumn> columns)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)RowCount, nameof(row));
        var obj = new JsonObject();
        foreach (var column in columns)
        {
            if (column.IsMissing(row)) continue;
            var segments = column.Name.Split('.');
            var target = obj;
            for (var i = 0; i < segments.Length - 1; i++)
            {
                if (target[segments[i]] is not JsonObject next)
                {
                    next = [];
                    target[segments[i]] = next;
                }
                target = next;
            }
            target[segments[^1]] = column.ValueNode(row);
        }
        return obj;
    }

    private static JsonNode? Find(JsonNode? entity, string path)
    {
        var current = entity;
        foreach (var seg in path.Split('.'))
        {
            if (current is not JsonObject o || !o.TryGetPropertyValue(seg, out current)) return null;
        }
        return current;
    }
}
