using System.Text.RegularExpressions;
using Qilu.Matters.Contracts;
using Qilu.Rules;
using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Forms;

/// <summary>Shape rules of a matter form: keys, labels, types, bounds, patterns and the JsonLogic rules' shape and variables.</summary>
internal static partial class FormValidation
{
    public const int MaxFields = 200;

    public static void Check(FormDefinition form, string prefix, List<Error> errors)
    {
        if (form.Fields.Count > MaxFields)
            errors.Add(new Error("form.too_many_fields", $"表单字段不能超过{MaxFields}个", $"A form has at most {MaxFields} fields", prefix + ".fields"));
        var keys = form.Fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < form.Fields.Count; i++)
        {
            var f = form.Fields[i];
            var at = $"{prefix}.fields[{i}]";
            if (string.IsNullOrEmpty(f.Key) || !KeyPattern().IsMatch(f.Key))
                errors.Add(new Error("form.field_key", "字段键只能由字母、数字和下划线组成，以字母开头，最长40个字符",
                    "A field key is a letter followed by letters, digits or underscores (at most 40)", at + ".key"));
            else if (!seen.Add(f.Key))
                errors.Add(new Error("form.field_duplicate", $"字段键“{f.Key}”重复", $"Field key '{f.Key}' is used twice", at + ".key"));
            if (string.IsNullOrWhiteSpace(f.Label) || f.Label.Length > 100)
                errors.Add(new Error("form.field_label", "字段名称不能为空且不超过100个字符", "A field label is required (at most 100 characters)", at + ".label"));
            if (!Enum.IsDefined(f.Type))
                errors.Add(new Error("form.field_type", "字段类型无效", "Unknown field type", at + ".type"));
            if (f.DataElement is not null && (f.DataElement.Trim().Length == 0 || f.DataElement.Length > 64 || f.DataElement != f.DataElement.Trim()))
                errors.Add(new Error("form.data_element", "数据元编码不能为空白且不超过64个字符", "A data element code is non-blank, at most 64 characters", at + ".dataElement"));
            if (f.Type == FormFieldType.Choice && (f.Options is null || f.Options.Count == 0 || f.Options.Any(string.IsNullOrWhiteSpace)))
                errors.Add(new Error("form.options", "选择型字段必须提供非空选项", "A choice field needs non-empty options", at + ".options"));
            if (f.Options is not null && f.Options.Distinct(StringComparer.Ordinal).Count() != f.Options.Count)
                errors.Add(new Error("form.options_duplicate", "选项重复", "Options repeat", at + ".options"));
            if (f.MinLength is < 0 || f.MaxLength is < 1 || f.MinLength > f.MaxLength)
                errors.Add(new Error("form.length_bounds", "长度限制无效（最小值不能为负，且不大于最大值）", "Invalid length bounds", at + ".minLength"));
            if (f.Min > f.Max)
                errors.Add(new Error("form.number_bounds", "数值下限不能大于上限", "Min is above max", at + ".min"));
            if (f.Pattern is not null)
            {
                try
                {
                    _ = new Regex(f.Pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
                }
                catch (ArgumentException)
                {
                    errors.Add(new Error("form.pattern", "校验正则表达式无效", "The pattern is not a valid regular expression", at + ".pattern"));
                }
            }
            CheckRule(f.VisibleWhen, at + ".visibleWhen", keys, f.Key, errors);
            CheckRule(f.Computed, at + ".computed", keys, f.Key, errors);
        }
        if (errors.Count == 0) CheckWithRulesEngine(form, prefix, errors);
    }

    /// <summary>
    /// The form's variables for the Rules engine: each field by its key, typed after the field (numbers, dates and
    /// yes/no keep their type; everything else is text), so that comparing a date with a number is refused on save.
    /// </summary>
    public static RuleSchema SchemaOf(FormDefinition form) => new(form.Fields
        .Where(f => f.Key is { Length: > 0 }).DistinctBy(f => f.Key, StringComparer.Ordinal)
        .Select(f => new RuleVariable(f.Key, f.Type switch
        {
            FormFieldType.Number => RuleValueType.Number,
            FormFieldType.Date => RuleValueType.Date,
            FormFieldType.Boolean => RuleValueType.Boolean,
            _ => RuleValueType.String,
        }, f.Required, f.Label, f.Label, f.Type == FormFieldType.Choice && f.Options is { Count: > 0 } o ? [.. o.Select(x => (System.Text.Json.Nodes.JsonNode?)x)] : null)));

    /// <summary>
    /// Operators, arity and variable types as the Rules engine sees them; each error's field continues the rule's own
    /// JSON path under the field (<c>content.form.fields[2].visibleWhen.and[1]</c>), so an editor can point at the clause.
    /// </summary>
    private static void CheckWithRulesEngine(FormDefinition form, string prefix, List<Error> errors)
    {
        var schema = SchemaOf(form);
        for (var i = 0; i < form.Fields.Count; i++)
        {
            var f = form.Fields[i];
            foreach (var (rule, member) in new[] { (f.VisibleWhen, "visibleWhen"), (f.Computed, "computed") })
            {
                if (rule is null) continue;
                var at = $"{prefix}.fields[{i}].{member}";
                var parsed = RuleDocument.Parse(rule);
                var found = parsed.IsSuccess ? schema.Validate(parsed.Value) : parsed.Errors;
                errors.AddRange(found.Select(e => e with { Field = RuleField(at, e.Field) }));
            }
        }
    }

    /// <summary><c>content.form.fields[0].computed</c> + <c>$.and[1]</c> → <c>content.form.fields[0].computed.and[1]</c>.</summary>
    public static string RuleField(string at, string? rulePath) =>
        rulePath is null or "$" or "" ? at : at + (rulePath.StartsWith("$[", StringComparison.Ordinal) ? rulePath[1..] : rulePath.StartsWith("$.", StringComparison.Ordinal) ? rulePath[1..] : "." + rulePath);

    private static void CheckRule(string? rule, string field, HashSet<string> keys, string self, List<Error> errors)
    {
        if (rule is null) return;
        var unknown = new List<string>();
        var selfRef = false;
        if (JsonLogicShape.Check(rule, field, v =>
            {
                var root = v.Split('.')[0];
                if (root == self) selfRef = true;
                else if (!keys.Contains(root)) unknown.Add(v);
            }) is { } e)
        {
            errors.Add(e);
            return;
        }
        if (selfRef)
            errors.Add(new Error("rule.self_reference", "规则不能引用字段自身", "A field's rule cannot refer to the field itself", field));
        foreach (var v in unknown.Distinct())
            errors.Add(new Error("rule.unknown_var", $"规则引用了表单中不存在的字段“{v}”", $"The rule refers to '{v}', which is not a field of the form", field));
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,39}$")]
    private static partial Regex KeyPattern();
}
