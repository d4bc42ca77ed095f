using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.SharedKernel.Identifiers;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Elements;

/// <summary>
/// Validates a value against a data element's format with the shared-kernel parsers (checksums included), the
/// element's pattern, code list and length. Stateless apart from a regex cache; safe as a singleton when constructed
/// without the scope's reads (the bulk overload needs no database).
/// </summary>
internal sealed class ElementValueValidator(CatalogReads? reads, TimeProvider clock) : IDataElementValidator
{
    // Patterns come from administrators: a timeout bounds catastrophic backtracking (ReDoS) on hostile input.
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    // GB/T 37346-2019 不动产单元代码: 6 division + 6 地籍区/子区 + 2 宗地特征码 + 5 宗地顺序号 + 1 定着物特征码 + 8 定着物单元号.
    private static readonly Regex RealEstateUnitShape = new(@"^\d{6}\d{6}[GJZ][A-Z]\d{5}[FLQW][0-9]{8}$", RegexOptions.CultureInvariant, RegexTimeout);
    private static readonly Regex PostalShape = new(@"^[0-8]\d{5}$", RegexOptions.CultureInvariant, RegexTimeout);

    public async Task<Result<string>> ValidateAsync(string identifier, string? value, CancellationToken ct = default)
    {
        if (reads is null) throw new InvalidOperationException("This validator instance has no database; use Validate(element, value).");
        var element = await Resources.RowQueries.ElementOnce(reads, identifier, ct);
        if (element is not { Status: "active" })
            return new Error("element.unknown", $"数据元“{identifier}”不存在或未启用", $"Data element '{identifier}' does not exist or is not active", "element");
        return Validate(element.ToInfo(), value);
    }

    public Result<string> Validate(DataElementInfo element, string? value)
    {
        ArgumentNullException.ThrowIfNull(element);
        var name = element.NameZh;
        if (string.IsNullOrWhiteSpace(value))
            return Fail(element, "required", $"{name}不能为空", $"{element.NameEn} is required");
        var s = value.Trim();
        if (element.MaxLength is { } max && s.Length > max)
            return Fail(element, "max_length", $"{name}不能超过{max}个字符，当前{s.Length}个", $"{element.NameEn} must be at most {max} characters; got {s.Length}");
        switch (element.Format)
        {
            case ElementFormats.IdNumber:
                return FromParser(element, IdNumber.Parse(s, clock), v => v.ToString());
            case ElementFormats.CreditCode:
                return FromParser(element, CreditCode.Parse(s), v => v.ToString());
            case ElementFormats.DivisionCode:
                return FromParser(element, DivisionCode.Parse(s), v => v.ToString());
            case ElementFormats.Phone:
                return FromParser(element, PhoneNumber.Parse(s), v => v.ToString());
            case ElementFormats.Email:
                return System.Net.Mail.MailAddress.TryCreate(s, out var mail) && mail.Address == s && mail.Host.Contains('.', StringComparison.Ordinal)
                    ? s : Fail(element, "email", $"{name}不是有效的电子邮箱地址", $"{element.NameEn} is not a valid e-mail address");
            case ElementFormats.PostalCode:
                return PostalShape.IsMatch(s) ? s : Fail(element, "postal_code", $"{name}应为6位数字（首位0–8）", $"{element.NameEn} must be 6 digits starting 0–8");
            case ElementFormats.Date:
                return DateOnly.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : Fail(element, "date", $"{name}应为有效日期（如 2024-03-15）", $"{element.NameEn} must be a calendar date such as 2024-03-15");
            case ElementFormats.Integer:
                return long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                    ? n.ToString(CultureInfo.InvariantCulture) : Fail(element, "integer", $"{name}应为整数", $"{element.NameEn} must be an integer");
            case ElementFormats.Decimal:
                return decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)
                    ? d.ToString(CultureInfo.InvariantCulture) : Fail(element, "decimal", $"{name}应为数值", $"{element.NameEn} must be a number");
            case ElementFormats.CodeList:
                var code = CodeOf(element, s);
                return code is not null ? code.Code : Fail(element, "code_list",
                    $"{name}的值“{s}”不在值域内（可选：{string.Join("、", element.CodeList.Select(c => $"{c.Code} {c.Label}"))}）",
                    $"'{s}' is not in the code list of {element.NameEn} ({string.Join(", ", element.CodeList.Select(c => c.Code))})");
            case ElementFormats.RealEstateUnit:
                return ValidateRealEstateUnit(element, s.ToUpperInvariant());
            case ElementFormats.Pattern:
                if (string.IsNullOrEmpty(element.Pattern)) return s;
                try
                {
                    return PatternOf(element.Pattern).IsMatch(s) ? s
                        : Fail(element, "pattern", $"{name}格式不正确（应匹配 {element.Pattern}）", $"{element.NameEn} does not match {element.Pattern}");
                }
                catch (RegexMatchTimeoutException)
                {
                    return Fail(element, "pattern", $"{name}格式校验超时", $"{element.NameEn} took too long to check against its pattern");
                }
            default:
                return s;
        }
    }

    // Bulk imports validate every cell: a format array or a capturing lambda per call is garbage per cell.
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyyMMdd"];

    private static CodeItem? CodeOf(DataElementInfo element, string s)
    {
        // An index loop: foreach over the IReadOnlyList would box an enumerator per call.
        var list = element.CodeList;
        for (var i = 0; i < list.Count; i++)
            if (string.Equals(list[i].Code, s, StringComparison.Ordinal)) return list[i];
        return null;
    }

    /// <summary>Compiles (once) a pattern from an element; also used to reject a broken pattern when an element is saved.</summary>
    internal static Regex PatternOf(string pattern) =>
        Patterns.GetOrAdd(pattern, p => new Regex(p, RegexOptions.CultureInvariant, RegexTimeout));

    private static Result<string> ValidateRealEstateUnit(DataElementInfo element, string s)
    {
        if (s.Length != 28)
            return Fail(element, "real_estate_unit.length", $"{element.NameZh}应为28位（GB/T 37346），当前{s.Length}位", $"{element.NameEn} has 28 characters (GB/T 37346); got {s.Length}");
        if (!RealEstateUnitShape.IsMatch(s))
            return Fail(element, "real_estate_unit.structure",
                $"{element.NameZh}结构不正确：应为12位数字、2位宗地特征码（G/J/Z+字母）、5位宗地顺序号、1位定着物特征码（F/L/Q/W）和8位定着物单元号",
                $"{element.NameEn} must be 12 digits, a 2-letter parcel feature code (G/J/Z + letter), 5 digits, a fixture code (F/L/Q/W) and 8 digits");
        var division = DivisionCode.Parse(s[..6]);
        if (!division.IsSuccess)
            return Fail(element, "real_estate_unit.division", $"{element.NameZh}前6位“{s[..6]}”不是有效的县级行政区划代码", $"The first 6 digits '{s[..6]}' of {element.NameEn} are not a valid division code");
        return s;
    }

    private static Result<string> FromParser<T>(DataElementInfo element, Result<T> parsed, Func<T, string> canonical) =>
        parsed.IsSuccess ? canonical(parsed.Value)
            : Result<string>.Failure(parsed.Errors.Select(e => e with { Field = element.Identifier }).ToArray(), ErrorKind.Validation);

    private static Result<string> Fail(DataElementInfo element, string rule, string zh, string en) =>
        new Error($"element.{rule}", zh, en, element.Identifier);
}
