using Microsoft.Extensions.Options;
using Qilu.Catalog.Contracts;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Results;
using Qilu.SharedKernel.Time;
using Qilu.Sharing.Applications;
using Qilu.Sharing.Gateway;

namespace Qilu.Sharing.Grants;

/// <summary>Terms the last approver may set on the grant (all optional; defaults come from the application and the grades).</summary>
/// <param name="DailyQuota">Calls per day (default: the expected calls per day applied for).</param>
/// <param name="TotalQuota">Calls in total (default: unlimited within the period).</param>
/// <param name="RowScope">Division prefix of the rows released (default: as applied for). "*" releases every row.</param>
/// <param name="Masking">Field → None/Partial/Redact; only as strict as the field grade's default or stricter.</param>
/// <param name="RatePerSecond">Calls per second (default from configuration).</param>
/// <param name="Grassroots">数据直达基层 for the consumer's division subtree.</param>
/// <param name="PeriodFrom">First day of the grant (China date; default: as applied for); never before the period applied for.</param>
/// <param name="PeriodTo">Last day of the grant (China date; default: as applied for); never after the period applied for.</param>
internal sealed record GrantTerms(long? DailyQuota = null, long? TotalQuota = null, string? RowScope = null, Dictionary<string, string>? Masking = null,
    int? RatePerSecond = null, bool? Grassroots = null, DateOnly? PeriodFrom = null, DateOnly? PeriodTo = null);

/// <summary>
/// The terms a grant gets when the last approver changes nothing, for the approver's form to start from: what was applied
/// for, the configured rate, and per field the masking its grade requires with the stricter rules that may replace it.
/// <see cref="ConsumerDivision"/> is not a term: it is what the form offers for "only the consumer's own area".
/// </summary>
internal sealed record GrantTermsDraft(long DailyQuota, long? TotalQuota, string? RowScope, DateOnly PeriodFrom, DateOnly PeriodTo, int RatePerSecond,
    bool Grassroots, IReadOnlyList<FieldMaskingChoice> Masking, string ConsumerDivision);

/// <summary>One granted field: its grade (null when the entry no longer lists it), the masking floor, and the rules allowed (floor or stricter).</summary>
internal sealed record FieldMaskingChoice(string Field, string? Grade, MaskingRule Floor, IReadOnlyList<MaskingRule> Allowed);

/// <summary>Builds grants from approved applications, applying the grading policy to masking.</summary>
internal sealed class GrantIssuer(ICatalogDirectory catalog, IOptions<SharingOptions> options)
{
    /// <summary>What <see cref="IssueAsync"/> gives <paramref name="a"/> under empty terms.</summary>
    public async Task<GrantTermsDraft> DraftAsync(SharingApplication a, CancellationToken ct)
    {
        var items = await catalog.FieldGradesAsync(a.EntryId, ct);
        return new GrantTermsDraft(DefaultDailyQuota(a), null, a.RowScope, a.PeriodFrom, a.PeriodTo, options.Value.DefaultRatePerSecond, false,
            [.. a.FieldList.Select(f => Choice(f, items.FirstOrDefault(i => i.Name == f)))], a.ConsumerDivision);

        static FieldMaskingChoice Choice(string field, InformationItemInfo? item)
        {
            var floor = FloorOf(item);
            return new(field, item is null ? null : GradePolicy.Label(item.Grade), floor, [.. Enum.GetValues<MaskingRule>().Where(r => FieldMasking.IsAtLeast(r, floor))]);
        }
    }

    public async Task<Result<Grant>> IssueAsync(SharingApplication a, GrantTerms? terms, DateTimeOffset now, CancellationToken ct)
    {
        terms ??= new GrantTerms();
        var items = await catalog.FieldGradesAsync(a.EntryId, ct);
        // The grant records how the entry is shared now; the gateway refuses every other way (a 核验-only entry's rows
        // never leave through the key, rows or API operations).
        var methods = (await catalog.FindPublishedEntryAsync(a.EntryId, ct))?.ShareMethods ?? [];
        var v = new Validation();
        var masking = new Dictionary<string, MaskingRule>(StringComparer.Ordinal);
        foreach (var field in a.FieldList)
        {
            var item = items.FirstOrDefault(i => i.Name == field);
            var floor = FloorOf(item);
            var rule = floor;
            if (terms.Masking?.TryGetValue(field, out var asked) == true)
            {
                if (!Enum.TryParse(asked, ignoreCase: false, out rule) || !Enum.IsDefined(rule))
                    v.Add(new Error("masking.unknown", $"脱敏规则须为 None、Partial 或 Redact：{field}", $"Masking must be None, Partial or Redact: {field}", $"masking.{field}"));
                else if (!FieldMasking.IsAtLeast(rule, floor))
                    v.Add(new Error("masking.weaker_than_grade", $"信息项“{field}”的分级（{(item is null ? "目录已不列此项" : GradePolicy.Label(item.Grade))}）要求至少 {floor} 脱敏，不能放宽为 {rule}",
                        $"Field {field} ({item?.Grade.ToString() ?? "no longer in the entry"}) must be masked at least {floor}; {rule} is weaker", $"masking.{field}"));
            }
            masking[field] = rule;
        }
        foreach (var extra in (terms.Masking?.Keys ?? Enumerable.Empty<string>()).Where(k => !a.FieldList.Contains(k)))
            v.Add(new Error("masking.field_not_requested", $"脱敏规则中的信息项不在申请范围内：{extra}", $"Masking names a field not applied for: {extra}", $"masking.{extra}"));
        v.Rule(terms.DailyQuota is null or (> 0 and <= 10_000_000), "dailyQuota", "quota.range", "每日调用上限须为 1–10,000,000", "dailyQuota must be 1–10,000,000");
        v.Rule(terms.TotalQuota is null or > 0, "totalQuota", "quota.range", "总调用上限须为正数", "totalQuota must be positive");
        v.Rule(terms.RatePerSecond is null or (> 0 and <= 100_000), "ratePerSecond", "rate.range", "限速须为 1–100,000 次/秒", "ratePerSecond must be 1–100,000");
        var scope = terms.RowScope switch { null => a.RowScope, "*" => null, var s => s };
        v.Rule(scope is null || IsDivisionPrefix(scope), "rowScope", "row_scope.format", "行范围须为2–12位行政区划代码前缀", "rowScope must be a 2–12 digit division prefix");
        // The grant never outlasts what was applied for: the approver may shorten the period, not extend it.
        var from = terms.PeriodFrom ?? a.PeriodFrom;
        var to = terms.PeriodTo ?? a.PeriodTo;
        v.Rule(from >= a.PeriodFrom, "periodFrom", "period.before_applied", $"开始日期不能早于申请的 {a.PeriodFrom:yyyy-MM-dd}", $"The period cannot start before the {a.PeriodFrom:yyyy-MM-dd} applied for");
        v.Rule(to <= a.PeriodTo, "periodTo", "period.after_applied", $"结束日期不能晚于申请的 {a.PeriodTo:yyyy-MM-dd}", $"The period cannot end after the {a.PeriodTo:yyyy-MM-dd} applied for");
        v.Rule(from <= to, "periodTo", "period.order", "结束日期不能早于开始日期", "The period ends before it starts");
        if (!v.IsValid) return Result<Grant>.Failure(v.Errors);
        // Row scope is a prefix: 370100 (济南市) means every code starting 3701.
        if (scope is not null) scope = Qilu.SharedKernel.Actors.DivisionScope.PrefixOf(scope);
        return new Grant
        {
            ApplicationId = a.Id, ConsumerUnitId = a.ConsumerUnitId, ConsumerName = a.ConsumerName, ConsumerDivision = a.ConsumerDivision,
            EntryId = a.EntryId, EntryCode = a.EntryCode, EntryName = a.EntryName, ProviderUnitId = a.ProviderUnitId, ProviderName = a.ProviderName,
            ProviderDivision = a.ProviderDivision, Purpose = a.Purpose, Fields = a.Fields, Masking = Grant.FormatMasking(masking), RowScope = scope,
            DailyQuota = terms.DailyQuota ?? DefaultDailyQuota(a), TotalQuota = terms.TotalQuota,
            RatePerSecond = terms.RatePerSecond ?? options.Value.DefaultRatePerSecond, Grassroots = terms.Grassroots ?? false,
            ShareMethods = Grant.FormatShareMethods(methods), ClientIds = a.ClientIds,
            ValidFrom = WorkingCalendar.StartOfChinaDay(from), ValidUntil = WorkingCalendar.StartOfChinaDay(to.AddDays(1)), CreatedAt = now,
        };
    }

    // A field the entry no longer lists has no grade to go by: it is withheld, the strictest rule.
    private static MaskingRule FloorOf(InformationItemInfo? item) => item is null ? MaskingRule.Redact : GradePolicy.MaskingFor(item.Grade);

    private static long DefaultDailyQuota(SharingApplication a) => Math.Max(1, a.CallsPerDay);

    public static bool IsDivisionPrefix(string s) => s.Length is >= 2 and <= 12 && s.All(char.IsAsciiDigit);
}
