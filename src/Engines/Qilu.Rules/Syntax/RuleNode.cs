using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qilu.Rules.Semantics;

namespace Qilu.Rules.Syntax;

/// <summary>A parsed rule expression: a literal, an array of expressions, or an operation.</summary>
internal abstract class RuleNode
{
    /// <summary>The JSON path of this node in the rule document (<c>$.and[1].&gt;[0]</c>), for errors and explanations.</summary>
    public required string Path { get; init; }

    public abstract JsonNode? ToNode();

    /// <summary>Canonical compact JSON; equal texts mean equal expressions (used to share columnar work across rules).</summary>
    public string Key => _key ??= ToNode()?.ToJsonString(Readable) ?? "null";

    // Rule text is stored and shown to people, not embedded in HTML: keep <, >, + and Chinese unescaped.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private string? _key;
}

/// <summary>A JSON scalar in a rule (null, boolean, number, string); already a runtime value.</summary>
internal sealed class LiteralNode : RuleNode
{
    public required object? Value { get; init; }

    public override JsonNode? ToNode() => Js.ToNode(Value);
}

/// <summary>A JSON array in a rule: each element is evaluated (JsonLogic maps arrays element-wise).</summary>
internal sealed class ArrayNode : RuleNode
{
    public required ImmutableArray<RuleNode> Items { get; init; }

    public override JsonNode? ToNode() => new JsonArray([.. Items.Select(i => i.ToNode())]);
}

/// <summary>An operation <c>{"op": [args]}</c>.</summary>
internal sealed class OpNode : RuleNode
{
    public required string Op { get; init; }

    public required ImmutableArray<RuleNode> Args { get; init; }

    public override JsonNode? ToNode() => new JsonObject { [Op] = new JsonArray([.. Args.Select(a => a.ToNode())]) };

    /// <summary>The literal path of a <c>var</c> whose first argument is a literal (null when computed or absent).</summary>
    public bool TryGetLiteralVarPath(out string path)
    {
        path = "";
        if (Op != "var") return false;
        if (Args.Length == 0) return true;
        if (Args[0] is not LiteralNode lit) return false;
        path = lit.Value is null ? "" : Js.ToJsString(lit.Value);
        return true;
    }
}
