using System.Text.Json;
using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Forms;

/// <summary>
/// Checks that a text is a JsonLogic rule document by shape (jsonlogic.com): a rule is a literal, an array of rules, or
/// an object with exactly one key (the operator) whose value is a rule or an array of rules. Errors carry the JSON path
/// of the offending node. Operator semantics (known operators, arity, variable schemas) are the Rules engine's job;
/// this is what the catalog can guarantee on save without it.
/// </summary>
internal static class JsonLogicShape
{
    public const int MaxLength = 8000;
    private const int MaxDepth = 32;

    /// <summary>Null when <paramref name="json"/> is a well-formed rule; else the error under <paramref name="field"/>.</summary>
    public static Error? Check(string json, string field, Action<string>? onVar = null)
    {
        if (json.Length > MaxLength)
            return new Error("rule.too_long", $"规则不能超过{MaxLength}个字符", $"A rule is at most {MaxLength} characters", field);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return new Error("rule.json", $"规则不是合法的 JSON：{ex.Message}", $"The rule is not valid JSON: {ex.Message}", field);
        }
        using (doc) return Walk(doc.RootElement, "$", 0, field, onVar);
    }

    private static Error? Walk(JsonElement node, string path, int depth, string field, Action<string>? onVar)
    {
        if (depth > MaxDepth)
            return new Error("rule.depth", $"规则嵌套过深（{path}）", $"The rule nests too deeply at {path}", field);
        switch (node.ValueKind)
        {
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in node.EnumerateArray())
                    if (Walk(item, $"{path}[{i++}]", depth + 1, field, onVar) is { } e) return e;
                return null;
            case JsonValueKind.Object:
                var props = node.EnumerateObject().ToList();
                if (props.Count != 1)
                    return new Error("rule.operator_count", $"规则对象必须恰好有一个运算符键（{path} 有 {props.Count} 个）",
                        $"A rule object must have exactly one operator key ({path} has {props.Count})", field);
                var op = props[0];
                if (op.Name.Length == 0)
                    return new Error("rule.operator_empty", $"运算符不能为空（{path}）", $"Empty operator at {path}", field);
                if (op.Name == "var" && onVar is not null)
                {
                    var name = op.Value.ValueKind switch
                    {
                        JsonValueKind.String => op.Value.GetString(),
                        JsonValueKind.Array when op.Value.GetArrayLength() > 0 && op.Value[0].ValueKind == JsonValueKind.String => op.Value[0].GetString(),
                        _ => null,
                    };
                    if (name is { Length: > 0 }) onVar(name);
                }
                return Walk(op.Value, $"{path}.{op.Name}", depth + 1, field, onVar);
            default:
                return null;
        }
    }
}
