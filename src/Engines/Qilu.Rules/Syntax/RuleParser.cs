using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Qilu.Rules.Semantics;
using Qilu.SharedKernel.Results;

namespace Qilu.Rules.Syntax;

/// <summary>Turns a JSON rule into a <see cref="RuleNode"/> tree, collecting every error with its JSON path.</summary>
internal sealed class RuleParser
{
    private readonly List<Error> _errors = [];

    public static (RuleNode? Root, IReadOnlyList<Error> Errors) Parse(JsonNode? json)
    {
        var parser = new RuleParser();
        if (json is null)
        {
            parser._errors.Add(RuleErrors.Empty("$"));
            return (null, parser._errors);
        }
        var root = parser.ParseNode(json, "$");
        return (parser._errors.Count == 0 ? root : null, parser._errors);
    }

    private RuleNode ParseNode(JsonNode? json, string path)
    {
        switch (json)
        {
            case null:
                return new LiteralNode { Path = path, Value = null };
            case JsonArray array:
                return new ArrayNode
                {
                    Path = path,
                    Items = [.. array.Select((item, i) => ParseNode(item, Index(path, i)))],
                };
            case JsonObject obj:
                return ParseOperation(obj, path);
            default:
                var value = Js.FromNode(json);
                if (value is double d && !double.IsFinite(d)) _errors.Add(RuleErrors.BadNumber(path));
                return new LiteralNode { Path = path, Value = value };
        }
    }

    private RuleNode ParseOperation(JsonObject obj, string path)
    {
        if (obj.Count != 1)
        {
            _errors.Add(RuleErrors.ObjectKeys(path, obj.Count));
            return new LiteralNode { Path = path, Value = null };
        }
        var (op, value) = obj.First();
        var opPath = path + "." + op;
        if (!Operators.All.TryGetValue(op, out var info))
        {
            _errors.Add(RuleErrors.UnknownOperator(opPath, op));
            return new LiteralNode { Path = path, Value = null };
        }
        ImmutableArray<RuleNode> args = value is JsonArray list
            ? [.. list.Select((item, i) => ParseNode(item, Index(opPath, i)))]
            : [ParseNode(value, opPath)];
        if (args.Length < info.MinArgs || args.Length > info.MaxArgs)
            _errors.Add(RuleErrors.Arity(opPath, op, info.MinArgs, info.MaxArgs, args.Length));
        CheckLiterals(op, args);
        return new OpNode { Path = path, Op = op, Args = args };
    }

    private void CheckLiterals(string op, ImmutableArray<RuleNode> args)
    {
        switch (op)
        {
            case "var" when args.Length > 0:
                if (args[0] is ArrayNode || args[0] is LiteralNode { Value: bool })
                    _errors.Add(RuleErrors.LiteralRequired(args[0].Path, "var", "字符串、数字或 null 路径", "a string, number or null path"));
                break;
            case "missing_some" when args.Length == 2:
                if (args[0] is not LiteralNode { Value: double need } || need < 0 || need != Math.Floor(need))
                    _errors.Add(RuleErrors.LiteralRequired(args[0].Path, op, "非负整数字面量", "a non-negative integer literal"));
                if (args[1] is not ArrayNode keys || keys.Items.Any(k => k is not LiteralNode { Value: string or double }))
                    _errors.Add(RuleErrors.LiteralRequired(args[1].Path, op, "由字符串字面量组成的数组", "an array of string literals"));
                break;
        }
    }

    private static string Index(string path, int i) => path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
}
