using System.Text.Json;
using System.Text.Json.Nodes;
using Qilu.Rules.Syntax;
using Qilu.SharedKernel.Results;

namespace Qilu.Rules;

/// <summary>
/// An immutable, parsed rule in the JsonLogic format (docs/rules.md). Parsing rejects unknown operators, wrong arity
/// and non-literals where a literal is required, each with the JSON path of the offending node.
/// </summary>
public sealed class RuleDocument
{
    private RuleDocument(RuleNode root)
    {
        Root = root;
        Variables = [.. RuleAnalysis.DataPaths(root).Distinct(StringComparer.Ordinal)];
    }

    internal RuleNode Root { get; }

    /// <summary>The literal data paths the rule reads (<c>var</c> and <c>missing</c> keys outside per-element logic), in order of appearance.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>Parses a rule from JSON text.</summary>
    public static Result<RuleDocument> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            return RuleErrors.Json(e.Message);
        }
        return FromNode(node);
    }

    /// <summary>Parses a rule from a JSON node (the node is not kept; later changes to it do not affect the rule).</summary>
    public static Result<RuleDocument> FromNode(JsonNode? node)
    {
        var (root, errors) = RuleParser.Parse(node);
        return errors.Count > 0 ? Result<RuleDocument>.Failure(errors) : new RuleDocument(root!);
    }

    /// <summary>The canonical JSON form (every operation's arguments as an array).</summary>
    public JsonNode ToNode() => Root.ToNode()!;

    /// <summary>The canonical compact JSON text.</summary>
    public string ToJson() => Root.Key;

    public override string ToString() => ToJson();
}
