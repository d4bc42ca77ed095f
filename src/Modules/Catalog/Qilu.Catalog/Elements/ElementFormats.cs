using Qilu.Catalog.Contracts;

namespace Qilu.Catalog.Elements;

/// <summary>The vocabularies of data types and validation formats, and the code-list text form.</summary>
internal static class ElementFormats
{
    public static readonly string[] DataTypes = ["string", "integer", "decimal", "date", "datetime", "boolean", "code"];

    public const string Text = "text";
    public const string Pattern = "pattern";
    public const string CodeList = "code_list";
    public const string IdNumber = "id_number";
    public const string CreditCode = "credit_code";
    public const string DivisionCode = "division_code";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string PostalCode = "postal_code";
    public const string Date = "date";
    public const string Integer = "integer";
    public const string Decimal = "decimal";
    public const string RealEstateUnit = "real_estate_unit";

    public static readonly string[] All =
        [Text, Pattern, CodeList, IdNumber, CreditCode, DivisionCode, Phone, Email, PostalCode, Date, Integer, Decimal, RealEstateUnit];

    public static IReadOnlyList<CodeItem> ParseCodeList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var items = new List<CodeItem>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            items.Add(eq < 0 ? new CodeItem(line, line) : new CodeItem(line[..eq].Trim(), line[(eq + 1)..].Trim()));
        }
        return items;
    }

    public static string? FormatCodeList(IEnumerable<CodeItem>? items) =>
        items is null ? null : string.Join('\n', items.Select(i => $"{i.Code}={i.Label}")) is { Length: > 0 } s ? s : null;
}
