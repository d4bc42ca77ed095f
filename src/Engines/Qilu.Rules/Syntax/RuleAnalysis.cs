using Qilu.Rules.Semantics;

namespace Qilu.Rules.Syntax;

/// <summary>Static facts about rule trees used by the schema check, the compiler and the columnar planner.</summary>
internal static class RuleAnalysis
{
    /// <summary>Literal data paths read outside per-element logic (<c>var</c> paths, <c>missing</c>/<c>missing_some</c> keys).</summary>
    public static IEnumerable<string> DataPaths(RuleNode node)
    {
        var refs = new List<string>();
        Collect(node, refs, out _);
        return refs;
    }

    /// <summary>
    /// The data paths a subtree reads, or null when it reads data in a way that cannot be listed (a computed
    /// <c>var</c> path, the whole data via <c>{"var": ""}</c>, computed <c>missing</c> keys).
    /// </summary>
    public static IReadOnlyList<string>? ExactDataPaths(RuleNode node)
    {
        var refs = new List<string>();
        Collect(node, refs, out var opaque);
        return opaque ? null : refs;
    }

    /// <summary>True when the subtree uses the evaluation context (<c>today</c>, one-argument <c>age</c>).</summary>
    public static bool UsesContext(RuleNode node) => node switch
    {
        OpNode { Op: "today" } => true,
        OpNode { Op: "age", Args.Length: 1 } => true,
        OpNode op => op.Args.Any(UsesContext),
        ArrayNode a => a.Items.Any(UsesContext),
        _ => false,
    };

    /// <summary>True when the subtree reads neither data nor context anywhere (its value is fixed at compile time).</summary>
    public static bool IsPure(RuleNode node) => node switch
    {
        OpNode { Op: "var" or "missing" or "missing_some" or "today" } => false,
        OpNode { Op: "age", Args.Length: 1 } => false,
        OpNode op => op.Args.All(IsPure),
        ArrayNode a => a.Items.All(IsPure),
        _ => true,
    };

    private static void Collect(RuleNode node, List<string> refs, out bool opaque)
    {
        opaque = false;
        var stack = new Stack<RuleNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            switch (n)
            {
                case ArrayNode a:
                    foreach (var item in a.Items.Reverse()) stack.Push(item);
                    break;
                case OpNode op:
                    if (op.Op == "var")
                    {
                        if (op.TryGetLiteralVarPath(out var path) && path.Length > 0) refs.Add(path);
                        else opaque = true;
                        if (op.Args.Length > 0 && op.Args[0] is not LiteralNode) stack.Push(op.Args[0]);
                        if (op.Args.Length > 1) stack.Push(op.Args[1]);
                        break;
                    }
                    if (op.Op is "missing" or "missing_some")
                    {
                        var keys = op.Op == "missing_some" ? op.Args.Skip(1) : op.Args;
                        foreach (var k in keys)
                        {
                            if (k is LiteralNode { Value: string or double } lit) AddKey(refs, Js.ToJsString(lit.Value), ref opaque);
                            else if (k is ArrayNode arr && arr.Items.All(i => i is LiteralNode { Value: string or double }))
                            {
                                foreach (var i in arr.Items) AddKey(refs, Js.ToJsString(((LiteralNode)i).Value), ref opaque);
                            }
                            else { opaque = true; stack.Push(k); }
                        }
                        if (op.Op == "missing_some") stack.Push(op.Args[0]);
                        break;
                    }
                    var scoped = Operators.All[op.Op].ScopedArg;
                    for (var i = op.Args.Length - 1; i >= 0; i--)
                    {
                        // Per-element logic reads the element, not the data; only its non-var parts could read data, and
                        // they cannot (every data read inside is relative to the element), so it is skipped.
                        if (i == scoped) continue;
                        stack.Push(op.Args[i]);
                    }
                    break;
            }
        }
    }

    private static void AddKey(List<string> refs, string key, ref bool opaque)
    {
        if (key.Length == 0) opaque = true;
        else refs.Add(key);
    }
}
