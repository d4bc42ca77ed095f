using System.Globalization;
using Qilu.Matters.Contracts;

namespace Qilu.Matters.UI.Admin;

/// <summary>A form field as the designer edits it (options as one line, rules as JSON text).</summary>
internal sealed class FormFieldRow
{
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";
    public FormFieldType Type { get; set; } = FormFieldType.Text;
    public string DataElement { get; set; } = "";
    public bool Required { get; set; }
    public string Options { get; set; } = "";
    public int? MinLength { get; set; }
    public int? MaxLength { get; set; }
    public string Pattern { get; set; } = "";
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    public string VisibleWhen { get; set; } = "";
    public string Computed { get; set; } = "";
    public string Help { get; set; } = "";

    public static FormFieldRow From(FormFieldDefinition f) => new()
    {
        Key = f.Key, Label = f.Label, Type = f.Type, DataElement = f.DataElement ?? "", Required = f.Required,
        Options = string.Join("、", f.Options ?? []), MinLength = f.MinLength, MaxLength = f.MaxLength, Pattern = f.Pattern ?? "",
        Min = f.Min, Max = f.Max, VisibleWhen = f.VisibleWhen ?? "", Computed = f.Computed ?? "", Help = f.Help ?? "",
    };

    public FormFieldDefinition ToDefinition() => new(Key.Trim(), Label.Trim(), Type, Blank(DataElement), Required,
        Blank(Options) is { } o ? [.. o.Split(['、', ',', '，'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] : null,
        MinLength, MaxLength, Blank(Pattern), Min, Max, Blank(VisibleWhen), Blank(Computed), Blank(Help));

    public FormFieldRow Copy() => (FormFieldRow)MemberwiseClone();

    /// <summary>A fresh field with an unused key.</summary>
    public static FormFieldRow New(IEnumerable<FormFieldRow> existing)
    {
        var keys = existing.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var n = 1;
        while (keys.Contains("field" + n.ToString(CultureInfo.InvariantCulture))) n++;
        return new FormFieldRow { Key = "field" + n.ToString(CultureInfo.InvariantCulture), Label = "新字段" + n.ToString(CultureInfo.InvariantCulture) };
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
