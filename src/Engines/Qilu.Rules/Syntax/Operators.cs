using System.Collections.Frozen;

namespace Qilu.Rules.Syntax;

/// <summary>One operator of the rule language: its arity and which argument (if any) is evaluated per array element.</summary>
internal sealed record OperatorInfo(string Name, int MinArgs, int MaxArgs, int ScopedArg = -1, bool IsDate = false);

/// <summary>The operator table: the JsonLogic set plus Qilu's date and string extras (docs/rules.md).</summary>
internal static class Operators
{
    public const int Many = int.MaxValue;

    public static FrozenDictionary<string, OperatorInfo> All { get; } = new OperatorInfo[]
    {
        new("var", 0, 2), new("missing", 0, Many), new("missing_some", 2, 2),
        new("if", 0, Many), new("?:", 3, 3),
        new("==", 2, 2), new("===", 2, 2), new("!=", 2, 2), new("!==", 2, 2),
        new("!", 1, 1), new("!!", 1, 1), new("or", 1, Many), new("and", 1, Many),
        new(">", 2, 3), new(">=", 2, 3), new("<", 2, 3), new("<=", 2, 3),
        new("max", 1, Many), new("min", 1, Many),
        new("+", 0, Many), new("-", 1, 2), new("*", 1, Many), new("/", 2, 2), new("%", 2, 2),
        new("map", 2, 2, 1), new("filter", 2, 2, 1), new("reduce", 2, 3, 1),
        new("all", 2, 2, 1), new("none", 2, 2, 1), new("some", 2, 2, 1),
        new("merge", 0, Many), new("in", 2, 2), new("cat", 0, Many), new("substr", 2, 3),
        new("starts_with", 2, 2),
        new("date", 1, 1, IsDate: true), new("today", 0, 0, IsDate: true), new("add_days", 2, 2, IsDate: true),
        new("days_between", 2, 2, IsDate: true), new("age", 1, 2, IsDate: true),
        new("before", 2, 2, IsDate: true), new("after", 2, 2, IsDate: true),
        new("on_or_before", 2, 2, IsDate: true), new("on_or_after", 2, 2, IsDate: true),
    }.ToFrozenDictionary(o => o.Name, StringComparer.Ordinal);

    public static bool IsComparison(string op) => op is "==" or "===" or "!=" or "!==" or "<" or "<=" or ">" or ">=";

    public static bool IsRelational(string op) => op is "<" or "<=" or ">" or ">=";

    public static bool IsArithmetic(string op) => op is "+" or "-" or "*" or "/" or "%" or "min" or "max";

    public static bool IsDateComparison(string op) => op is "before" or "after" or "on_or_before" or "on_or_after";
}
