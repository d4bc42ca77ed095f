using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qilu.Rules.Semantics;
using Qilu.Rules.Syntax;
using Qilu.SharedKernel.Results;

namespace Qilu.Rules;

/// <summary>
/// The declared variables a family of rules may read (docs/rules.md, "Schema"). Rules are validated against it before
/// they are saved: unknown variables and statically detectable type mismatches are reported with JSON paths.
/// </summary>
public sealed class RuleSchema
{
    private readonly FrozenDictionary<string, RuleVariable> _byName;

    /// <summary>A schema of the given variables; throws on duplicates or invalid names (use <see cref="Parse"/> for user input).</summary>
    public RuleSchema(IEnumerable<RuleVariable> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        Variables = [.. variables];
        foreach (var v in Variables)
            if (!IsValidName(v.Name)) throw new ArgumentException($"Invalid variable name '{v.Name}'.", nameof(variables));
        _byName = Variables.ToFrozenDictionary(v => v.Name, StringComparer.Ordinal);
    }

    /// <summary>The declared variables in declaration order.</summary>
    public IReadOnlyList<RuleVariable> Variables { get; }

    /// <summary>The variable named <paramref name="name"/>, if declared.</summary>
    public RuleVariable? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// Parses <c>{"variables": [{"name", "type", "required", "description": {"zh", "en"}, "enum": [...]}]}</c>;
    /// errors carry the JSON path of the offending member.
    /// </summary>
    public static Result<RuleSchema> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            return RuleErrors.Schema("json", "变量表不是有效的 JSON：" + e.Message, "The schema is not valid JSON: " + e.Message, "$");
        }
        var errors = new List<Error>();
        if (root is not JsonObject obj || obj["variables"] is not JsonArray list)
            return RuleErrors.Schema("shape", "变量表必须是含 variables 数组的对象。", "The schema must be an object with a 'variables' array.", "$.variables");
        var variables = new List<RuleVariable>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var p = $"$.variables[{i}]";
            if (list[i] is not JsonObject v)
            {
                errors.Add(RuleErrors.Schema("shape", "变量声明必须是对象。", "A variable declaration must be an object.", p));
                continue;
            }
            var name = v["name"] is JsonValue nv && nv.TryGetValue<string>(out var n) ? n : null;
            if (name is null || !IsValidName(name))
                errors.Add(RuleErrors.Schema("name", "变量名必须是非空的点分路径（如 applicant.age）。",
                    "The name must be a non-empty dotted path such as applicant.age.", p + ".name"));
            else if (!seen.Add(name))
                errors.Add(RuleErrors.Schema("duplicate", $"变量“{name}”重复声明。", $"Variable '{name}' is declared twice.", p + ".name"));
            var typeText = v["type"] is JsonValue tv && tv.TryGetValue<string>(out var t) ? t : null;
            RuleValueType? type = typeText switch
            {
                "number" => RuleValueType.Number,
                "string" => RuleValueType.String,
                "boolean" => RuleValueType.Boolean,
                "date" => RuleValueType.Date,
                "array" => RuleValueType.Array,
                "object" => RuleValueType.Object,
                _ => null,
            };
            if (type is null)
                errors.Add(RuleErrors.Schema("type", "类型必须是 number、string、boolean、date、array 或 object 之一。",
                    "The type must be one of number, string, boolean, date, array, object.", p + ".type"));
            var required = false;
            if (v["required"] is { } r)
            {
                if (r is JsonValue rv && rv.TryGetValue<bool>(out var rb)) required = rb;
                else errors.Add(RuleErrors.Schema("required", "required 必须是布尔值。", "'required' must be a boolean.", p + ".required"));
            }
            string? zh = null, en = null;
            if (v["description"] is { } d)
            {
                if (d is JsonObject dob)
                {
                    zh = dob["zh"]?.GetValue<string>();
                    en = dob["en"]?.GetValue<string>();
                }
                else errors.Add(RuleErrors.Schema("description", "description 必须是 {zh, en} 对象。", "'description' must be an object {zh, en}.", p + ".description"));
            }
            List<JsonNode?>? allowed = null;
            if (v["enum"] is { } e)
            {
                if (e is not JsonArray ea || ea.Count == 0)
                    errors.Add(RuleErrors.Schema("enum", "enum 必须是非空数组。", "'enum' must be a non-empty array.", p + ".enum"));
                else
                {
                    allowed = [];
                    for (var j = 0; j < ea.Count; j++)
                    {
                        if (type is { } ty && TypeOfValue(Js.FromNode(ea[j])) is var vt && vt != ty)
                            errors.Add(RuleErrors.Schema("enum", $"允许值的类型与变量类型 {typeText} 不符。",
                                $"The allowed value does not have the variable's type {typeText}.", $"{p}.enum[{j}]"));
                        allowed.Add(ea[j]?.DeepClone());
                    }
                }
            }
            if (name is not null && type is not null) variables.Add(new RuleVariable(name, type.Value, required, zh, en, allowed));
        }
        return errors.Count > 0 ? Result<RuleSchema>.Failure(errors) : new RuleSchema(variables);
    }

    private static RuleValueType? TypeOfValue(object? v) => v switch
    {
        double => RuleValueType.Number,
        bool => RuleValueType.Boolean,
        string s when Dates.IsCanonical(s) => RuleValueType.Date,
        string => RuleValueType.String,
        object?[] => RuleValueType.Array,
        JsonObject => RuleValueType.Object,
        _ => null,
    };

    private static bool IsValidName(string name) => name.Length > 0 && name.Split('.').All(s => s.Length > 0);

    /// <summary>Checks <paramref name="rule"/> against the schema; an empty list means it may be saved.</summary>
    public IReadOnlyList<Error> Validate(RuleDocument rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var errors = new List<Error>();
        new SchemaChecker(this, errors).Check(rule.Root);
        return errors;
    }

    /// <summary>
    /// The static type of a data path: the declared type, <see cref="RuleValueType.Object"/> for a parent of declared
    /// variables, null (unknown type, but allowed) below a declared array or object, or not found.
    /// </summary>
    internal (bool Found, RuleValueType? Type, RuleVariable? Variable) Resolve(string path)
    {
        if (_byName.TryGetValue(path, out var v)) return (true, v.Type, v);
        var prefix = path + ".";
        if (Variables.Any(x => x.Name.StartsWith(prefix, StringComparison.Ordinal))) return (true, RuleValueType.Object, null);
        var segments = path.Split('.');
        for (var i = segments.Length - 1; i > 0; i--)
        {
            var parent = string.Join('.', segments[..i]);
            if (_byName.TryGetValue(parent, out var pv) && pv.Type is RuleValueType.Array or RuleValueType.Object) return (true, null, null);
        }
        return (false, null, null);
    }
}
