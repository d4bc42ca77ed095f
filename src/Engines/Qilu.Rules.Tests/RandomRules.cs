using System.Text.Json.Nodes;

namespace Qilu.Rules.Tests;

/// <summary>
/// Random rule trees and entities from a seed (FsCheck supplies the seeds): every operator, nested up to a depth, over a
/// schema with every column type, with values chosen to hit coercion corners (0, "", "10" vs 9, nulls, Feb 29).
/// </summary>
internal sealed class RandomRules(int seed)
{
    private readonly Random _r = new(seed);

    public static RuleSchema Schema { get; } = RuleSchema.Parse("""
        {"variables": [
          {"name": "n1", "type": "number"}, {"name": "n2", "type": "number"},
          {"name": "s1", "type": "string"}, {"name": "s2", "type": "string"},
          {"name": "b1", "type": "boolean"}, {"name": "d1", "type": "date"}, {"name": "d2", "type": "date"},
          {"name": "arr", "type": "array"}, {"name": "p.q", "type": "number"}, {"name": "p.r", "type": "string"}
        ]}
        """).Value;

    private static readonly string[] Paths = ["n1", "n2", "s1", "s2", "b1", "d1", "d2", "arr", "p.q", "p.r", "p", "zz", "arr.0"];
    private static readonly string[] ScalarPaths = ["n1", "n2", "s1", "s2", "b1", "d1", "d2", "p.q", "p.r", "zz"];
    private static readonly double[] Numbers = [-2, -1, 0, 0.5, 1, 2, 3, 10, 100, 1e21];
    private static readonly string[] Strings = ["", "a", "b", "ab", "370102", "3701", "10", "9", "abc", "2024-01-01", "2008-11-29", "0", "true", "济南"];
    private static readonly string[] DateTexts = ["2000-02-29", "2008-11-29", "2008-11-30", "2024-01-01", "2026-11-29", "1990-06-01", "2027-03-01"];

    private static readonly string[] Ops =
    [
        "==", "===", "!=", "!==", "<", "<=", ">", ">=", "and", "or", "!", "!!", "if", "?:", "+", "-", "*", "/", "%", "min", "max",
        "in", "cat", "substr", "merge", "missing", "missing_some", "map", "filter", "reduce", "all", "none", "some",
        "date", "today", "add_days", "days_between", "age", "before", "after", "on_or_before", "on_or_after", "starts_with", "var",
    ];

    // Operators the columnar planner handles, weighted up when a batch-friendly rule is wanted.
    private static readonly string[] BatchOps =
    [
        "==", "===", "!=", "!==", "<", "<=", ">", ">=", "and", "or", "!", "!!", "if", "+", "-", "*", "/", "min", "max",
        "in", "missing", "missing_some", "age", "days_between", "add_days", "before", "after", "on_or_before", "on_or_after", "starts_with",
    ];

    public JsonNode? Rule(int depth, bool batchFriendly = false) => Node(depth, batchFriendly);

    private T Pick<T>(IReadOnlyList<T> items) => items[_r.Next(items.Count)];

    private JsonValue? Literal() => _r.Next(6) switch
    {
        0 => JsonValue.Create(Pick(Numbers)),
        1 => JsonValue.Create(Pick(Strings)),
        2 => JsonValue.Create(_r.Next(2) == 0),
        3 => null,
        4 => JsonValue.Create(Pick(DateTexts)),
        _ => JsonValue.Create(Pick(Numbers)),
    };

    private JsonObject Var(bool batch)
    {
        var path = Pick(batch ? ScalarPaths : Paths);
        return _r.Next(5) == 0
            ? new JsonObject { ["var"] = new JsonArray(path, Literal()) }
            : new JsonObject { ["var"] = path };
    }

    private JsonNode? Leaf(bool batch) => _r.Next(batch ? 3 : 5) switch
    {
        0 or 1 => Var(batch),
        2 => Literal(),
        3 => new JsonObject { ["today"] = new JsonArray() },
        _ => Literal(),
    };

    private JsonNode? Node(int depth, bool batch)
    {
        if (depth <= 0 || _r.Next(4) == 0) return Leaf(batch);
        var op = Pick(batch ? BatchOps : Ops);
        JsonNode? Sub() => Node(depth - 1, batch);
        JsonArray Args(int n) => [.. Enumerable.Range(0, n).Select(_ => Sub())];
        JsonNode Scoped() => _r.Next(3) switch
        {
            0 => new JsonObject { [Pick(new[] { ">", "==", "<", "%" })] = new JsonArray(new JsonObject { ["var"] = "" }, JsonValue.Create(Pick(Numbers))) },
            1 => new JsonObject { ["var"] = "" },
            _ => Node(1, batch)!,
        };
        JsonNode ArrayArg() => _r.Next(3) == 0 ? new JsonArray(Literal(), Literal()) : new JsonObject { ["var"] = "arr" };
        JsonArray Keys() => [.. Enumerable.Range(0, 1 + _r.Next(3)).Select(_ => JsonValue.Create(Pick(batch ? ScalarPaths : Paths)))];
        var args = op switch
        {
            "==" or "===" or "!=" or "!==" or "/" or "%" or "before" or "after" or "on_or_before" or "on_or_after" or "starts_with"
                or "days_between" or "add_days" => Args(2),
            "<" or "<=" or ">" or ">=" => Args(_r.Next(4) == 0 ? 3 : 2),
            "and" or "or" or "+" or "*" or "min" or "max" or "cat" or "merge" => Args(1 + _r.Next(3)),
            "!" or "!!" or "date" => Args(1),
            "if" => Args(_r.Next(6)),
            "?:" => Args(3),
            "-" => Args(1 + _r.Next(2)),
            "substr" => Args(2 + _r.Next(2)),
            "age" => Args(1 + _r.Next(2)),
            "today" => [],
            "var" => [JsonValue.Create(Pick(Paths)), Sub()],
            "in" => _r.Next(3) switch
            {
                0 => [Sub(), new JsonArray([.. Enumerable.Range(0, _r.Next(4)).Select(_ => Literal())])],
                1 => [Sub(), JsonValue.Create(Pick(Strings))],
                _ => Args(2),
            },
            "missing" => _r.Next(2) == 0 ? Keys() : [Keys()],
            "missing_some" => [JsonValue.Create(_r.Next(4)), Keys()],
            "map" or "filter" or "all" or "none" or "some" => [ArrayArg(), Scoped()],
            "reduce" => [ArrayArg(), new JsonObject { ["+"] = new JsonArray(new JsonObject { ["var"] = "current" }, new JsonObject { ["var"] = "accumulator" }) }, Literal()],
            _ => throw new InvalidOperationException(op),
        };
        return new JsonObject { [op] = args };
    }

    /// <summary>A JSON entity of <see cref="Schema"/>'s types (every column present with probability 0.8).</summary>
    public JsonObject Entity()
    {
        var e = new JsonObject();
        bool Present() => _r.Next(5) != 0;
        if (Present()) e["n1"] = Pick(Numbers);
        if (Present()) e["n2"] = Pick(Numbers);
        if (Present()) e["s1"] = Pick(Strings);
        if (Present()) e["s2"] = Pick(Strings);
        if (Present()) e["b1"] = _r.Next(2) == 0;
        if (Present()) e["d1"] = Pick(DateTexts);
        if (Present()) e["d2"] = Pick(DateTexts);
        if (Present()) e["arr"] = _r.Next(3) switch { 0 => new JsonArray(), 1 => new JsonArray(1, 2), _ => new JsonArray("a", 0) };
        var p = new JsonObject();
        if (Present()) p["q"] = Pick(Numbers);
        if (Present()) p["r"] = Pick(Strings);
        if (p.Count > 0) e["p"] = p;
        return e;
    }

    /// <summary>Arbitrary JSON data (not tied to the schema), for interpreter-versus-compiler checks.</summary>
    public JsonNode? LooseData()
    {
        var e = Entity();
        if (_r.Next(3) == 0) e["n1"] = Literal();
        if (_r.Next(3) == 0) e["s1"] = Literal();
        if (_r.Next(4) == 0) e["p"] = Literal();
        if (_r.Next(6) == 0) e["arr"] = new JsonArray(new JsonObject { ["q"] = 1 }, Literal());
        return e;
    }
}
