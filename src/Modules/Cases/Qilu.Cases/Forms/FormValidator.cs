using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Qilu.Cases.Catalog;
using Qilu.SharedKernel.Identifiers;
using Qilu.SharedKernel.Results;

namespace Qilu.Cases.Forms;

/// <summary>
/// Checks a form answer field by field: visibility (<c>VisibleWhen</c>; hidden fields are dropped), computed values,
/// required fields, types, and the identifier validators of the shared kernel (公民身份号码 GB 11643, 统一社会信用代码
/// GB 32100, mobile numbers, 行政区划代码). Every broken rule is reported, each naming its field as <c>form.{key}</c>.
/// </summary>
internal static class FormValidator
{
    public sealed record Outcome(JsonObject Values, IReadOnlyList<Error> Errors);

    public static Outcome Validate(IReadOnlyList<CaseField> fields, JsonObject? input, TimeProvider clock)
    {
        var values = new JsonObject();
        foreach (var (k, v) in input ?? []) values[k] = v?.DeepClone();
        var errors = new List<Error>();
        foreach (var unknown in values.Select(p => p.Key).Where(k => fields.All(f => f.Key != k)).ToList())
            values.Remove(unknown);
        foreach (var f in fields.Where(f => f.Computed is not null))
            values[f.Key] = CaseRules.Evaluate(f.Computed!, values)?.DeepClone();
        foreach (var f in fields)
        {
            if (!CaseRules.IsTrue(f.VisibleWhen, values))
            {
                values.Remove(f.Key);
                continue;
            }
            var field = $"form.{f.Key}";
            var node = values[f.Key];
            var text = node is JsonValue jv && jv.GetValueKind() == JsonValueKind.String ? jv.GetValue<string>().Trim() : null;
            var empty = node is null || (text is not null && text.Length == 0);
            if (empty)
            {
                values.Remove(f.Key);
                if (f.Required) errors.Add(new Error("form.required", $"{f.Label}为必填项", $"{f.Label} ({f.Key}) is required", field));
                continue;
            }
            var error = Check(f, node!, text, clock);
            if (error is not null) errors.Add(error with { Field = field });
            else if (text is not null) values[f.Key] = Normalise(f, text);
        }
        return new Outcome(values, errors);
    }

    private static string Normalise(CaseField f, string text) => f.Type switch
    {
        CaseFieldType.IdNumber or CaseFieldType.CreditCode => text.ToUpperInvariant(),
        _ => text,
    };

    private static Error? Check(CaseField f, JsonNode node, string? text, TimeProvider clock)
    {
        Error Bad(string code, string zh, string en) => new($"form.{code}", $"{f.Label}{zh}", $"{f.Key}: {en}");
        switch (f.Type)
        {
            case CaseFieldType.Number:
                decimal number;
                if (node is JsonValue nv && nv.GetValueKind() == JsonValueKind.Number) number = nv.GetValue<decimal>();
                else if (text is null || !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out number))
                    return Bad("number", "必须是数字", "must be a number");
                if (f.Min is { } min && number < min) return Bad("min", $"不能小于 {min}", $"must be at least {min}");
                if (f.Max is { } max && number > max) return Bad("max", $"不能大于 {max}", $"must be at most {max}");
                return null;
            case CaseFieldType.Boolean:
                return node is JsonValue bv && bv.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? null
                    : Bad("boolean", "必须选择是或否", "must be true or false");
        }
        if (text is null) return Bad("text", "必须是文本", "must be a string");
        if (f.MinLength is { } minLen && text.Length < minLen) return Bad("min_length", $"至少 {minLen} 个字符", $"must be at least {minLen} characters");
        var maxLen = f.MaxLength ?? (f.Type == CaseFieldType.TextArea ? 2000 : 200);
        if (text.Length > maxLen) return Bad("max_length", $"不能超过 {maxLen} 个字符", $"must be at most {maxLen} characters");
        if (f.Pattern is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100)))
            return Bad("pattern", "格式不正确", $"does not match {pattern}");
        return f.Type switch
        {
            CaseFieldType.Date => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null
                : Bad("date", "必须是日期（yyyy-MM-dd）", "must be a date (yyyy-MM-dd)"),
            CaseFieldType.Choice => f.Options is { Count: > 0 } o && !o.Contains(text)
                ? Bad("choice", $"只能是：{string.Join("、", o)}", $"must be one of {string.Join(", ", o)}") : null,
            CaseFieldType.IdNumber => Reason(IdNumber.Parse(text, clock), f),
            CaseFieldType.CreditCode => Reason(CreditCode.Parse(text), f),
            CaseFieldType.Phone => Reason(PhoneNumber.Parse(text), f),
            CaseFieldType.Division => Reason(DivisionCode.Parse(text), f),
            _ => null,
        };
    }

    private static Error? Reason<T>(Result<T> parsed, CaseField f) =>
        parsed.IsSuccess ? null : parsed.Error with { Message = $"{f.Label}：{parsed.Error.Message}", MessageEn = $"{f.Key}: {parsed.Error.MessageEn}" };
}
