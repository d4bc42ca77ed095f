using Qilu.SharedKernel.Results;

namespace Qilu.Rules;

/// <summary>The errors of rule and schema parsing and validation; <see cref="Error.Field"/> is the JSON path.</summary>
internal static class RuleErrors
{
    public static Error Json(string detail) =>
        new("rules.json.invalid", "规则不是有效的 JSON：" + detail, "The rule is not valid JSON: " + detail, "$");

    public static Error Empty(string path) =>
        new("rules.empty", "规则为空（null）。", "The rule document is empty (null).", path);

    public static Error BadNumber(string path) =>
        new("rules.number.invalid", "数字必须是有限值。", "Numbers must be finite.", path);

    public static Error ObjectKeys(string path, int count) =>
        new("rules.object.keys", $"规则对象必须恰好有一个运算符键，实际有 {count} 个。",
            $"A rule object must have exactly one operator key; it has {count}.", path);

    public static Error UnknownOperator(string path, string op) =>
        new("rules.operator.unknown", $"未知运算符“{op}”。", $"Unknown operator '{op}'.", path);

    public static Error Arity(string path, string op, int min, int max, int actual)
    {
        var zh = max == min ? $"{min} 个" : max == int.MaxValue ? $"至少 {min} 个" : $"{min} 到 {max} 个";
        var en = max == min ? $"{min}" : max == int.MaxValue ? $"at least {min}" : $"{min} to {max}";
        return new("rules.arity", $"运算符“{op}”需要 {zh}参数，实际 {actual} 个。",
            $"Operator '{op}' takes {en} argument(s); got {actual}.", path);
    }

    public static Error LiteralRequired(string path, string op, string zh, string en) =>
        new("rules.literal.required", $"运算符“{op}”此处需要{zh}。", $"Operator '{op}' needs {en} here.", path);

    public static Error UnknownVariable(string path, string name) =>
        new("rules.schema.unknown_variable", $"变量“{name}”未在变量表中声明。", $"Variable '{name}' is not declared in the schema.", path);

    public static Error DynamicVariable(string path) =>
        new("rules.schema.dynamic_variable", "变量路径是计算出来的，无法按变量表检查；请写成字面量。",
            "The variable path is computed and cannot be checked against the schema; write it as a literal.", path);

    public static Error TypeMismatch(string path, string op, string actual, string expected) =>
        new("rules.schema.type_mismatch", $"运算符“{op}”需要{Zh(expected)}，这里是{Zh(actual)}。",
            $"Operator '{op}' expects {expected} here but gets {actual}.", path);

    public static Error NotInEnum(string path, string name, string value) =>
        new("rules.schema.enum", $"值 {value} 不在变量“{name}”的允许值中。", $"Value {value} is not an allowed value of '{name}'.", path);

    public static Error BadDateLiteral(string path, string value) =>
        new("rules.date.invalid", $"“{value}”不是 yyyy-MM-dd 格式的有效日期。", $"'{value}' is not a valid yyyy-MM-dd date.", path);

    public static Error Schema(string code, string zh, string en, string path) => new("rules.schema." + code, zh, en, path);

    private static string Zh(string type) => type switch
    {
        "number" => "数字",
        "string" => "字符串",
        "boolean" => "布尔值",
        "date" => "日期",
        "array" => "数组",
        "object" => "对象",
        "null" => "null",
        "a number" => "数字",
        "a date" => "日期",
        "an array" => "数组",
        "a string or an array" => "字符串或数组",
        "a string or a number" => "字符串或数字",
        _ => type,
    };
}
