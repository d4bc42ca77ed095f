using System.Text.Json.Nodes;
using Qilu.Rules.Semantics;

namespace Qilu.Rules;

/// <summary>One typed column of an <see cref="EntityTable"/>; every row starts missing (absent from the entity).</summary>
public abstract class EntityColumn
{
    private protected EntityColumn(string name, RuleValueType type, int rows)
    {
        Name = name;
        Type = type;
        Missing = Bits.Ones(rows);
    }

    /// <summary>The variable's dotted path.</summary>
    public string Name { get; }

    /// <summary>The declared type.</summary>
    public RuleValueType Type { get; }

    /// <summary>Bit set = the row has no value (the key is absent when the row is seen as JSON).</summary>
    internal ulong[] Missing { get; }

    /// <summary>True when row <paramref name="row"/> has no value.</summary>
    public bool IsMissing(int row) => Bits.Get(Missing, row);

    /// <summary>Marks row <paramref name="row"/> as having no value.</summary>
    public void SetMissing(int row) => Bits.Set(Missing, row);

    private protected void MarkPresent(int row) => Bits.Clear(Missing, row);

    internal abstract JsonNode? ValueNode(int row);
}

/// <summary>A number column (<c>double</c>; finite values only, as JSON has no NaN or infinity).</summary>
public sealed class NumberColumn : EntityColumn
{
    internal NumberColumn(string name, int rows) : base(name, RuleValueType.Number, rows) => Values = new double[rows];

    internal double[] Values { get; }

    /// <summary>Sets row <paramref name="row"/>.</summary>
    public void Set(int row, double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), "Numbers must be finite.");
        Values[row] = value;
        MarkPresent(row);
    }

    internal override JsonNode? ValueNode(int row) => JsonValue.Create(Values[row]);
}

/// <summary>A boolean column.</summary>
public sealed class BooleanColumn : EntityColumn
{
    internal BooleanColumn(string name, int rows) : base(name, RuleValueType.Boolean, rows) => Values = Bits.Zeros(rows);

    internal ulong[] Values { get; }

    /// <summary>Sets row <paramref name="row"/>.</summary>
    public void Set(int row, bool value)
    {
        if (value) Bits.Set(Values, row);
        else Bits.Clear(Values, row);
        MarkPresent(row);
    }

    internal override JsonNode? ValueNode(int row) => JsonValue.Create(Bits.Get(Values, row));
}

/// <summary>A date column stored as day numbers (<see cref="DateOnly.DayNumber"/>); rules see <c>yyyy-MM-dd</c> strings.</summary>
public sealed class DateColumn : EntityColumn
{
    internal DateColumn(string name, int rows) : base(name, RuleValueType.Date, rows) => Days = new int[rows];

    internal int[] Days { get; }

    /// <summary>Sets row <paramref name="row"/>.</summary>
    public void Set(int row, DateOnly value)
    {
        Days[row] = value.DayNumber;
        MarkPresent(row);
    }

    internal override JsonNode? ValueNode(int row) => JsonValue.Create(Dates.ToText(Days[row]));
}

/// <summary>A string column with values interned per column, so that string conditions are evaluated once per distinct value.</summary>
public sealed class StringColumn : EntityColumn
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    internal StringColumn(string name, int rows) : base(name, RuleValueType.String, rows) => Ids = new int[rows];

    internal int[] Ids { get; }

    internal List<string> Pool { get; } = [];

    /// <summary>How many distinct strings the column holds.</summary>
    public int DistinctCount => Pool.Count;

    /// <summary>Sets row <paramref name="row"/>.</summary>
    public void Set(int row, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_index)
        {
            if (!_index.TryGetValue(value, out var id))
            {
                id = Pool.Count;
                Pool.Add(value);
                _index.Add(value, id);
            }
            Ids[row] = id;
        }
        MarkPresent(row);
    }

    internal int IdOf(string value) => _index.GetValueOrDefault(value, -1);

    internal override JsonNode? ValueNode(int row) => JsonValue.Create(Pool[Ids[row]]);
}

/// <summary>An array or object column, kept as JSON; rules reading it are evaluated row by row (compiled).</summary>
public sealed class JsonColumn : EntityColumn
{
    internal JsonColumn(string name, RuleValueType type, int rows) : base(name, type, rows) => Values = new JsonNode?[rows];

    internal JsonNode?[] Values { get; }

    /// <summary>Sets row <paramref name="row"/> to a copy of <paramref name="value"/> (an array or object as declared).</summary>
    public void Set(int row, JsonNode value)
    {
        var ok = Type == RuleValueType.Array ? value is JsonArray : value is JsonObject;
        if (!ok) throw new ArgumentException($"'{Name}' expects a JSON {(Type == RuleValueType.Array ? "array" : "object")}.", nameof(value));
        Values[row] = value.DeepClone();
        MarkPresent(row);
    }

    internal override JsonNode? ValueNode(int row) => Values[row]?.DeepClone();
}
