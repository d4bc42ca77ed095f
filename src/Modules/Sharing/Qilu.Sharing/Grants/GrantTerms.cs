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
internal sealed record GrantTerms(long? DailyQuota = null, long? TotalQuota = null, string? RowScope = null, Dictionary<string, string>? Masking = null,
    int? RatePerSecond = null, bool? Grassroots = null);

/// <summary>Builds grants from approved applications, applying the grading policy to masking.</summary>
internal sealed class GrantIssuer(ICatalogDirectory catalog, IOptions<SharingOptions> options)
{
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
            var floor = item is null ? MaskingRule.Redact : GradePolicy.MaskingFor(item.Grade);
            var rule = floor;
            if (terms.Masking?.TryGetValue(field, out var asked) == true)
            {
                if (!Enum.TryParse(asked, ignoreCase: false, out rule) || !Enum.IsDefined(rule))
                    v.Add(new Error("masking.unknown", $"脱敏规则须为 None、Partial 或 Redact：{field}", $"Masking must be None, Partial or Redact: {field}", $"masking.{field}"));
                else if (!FieldMasking.IsAtLeast(rule, floor))
                    v.Add(new Error("masking.weaker_than_grade", $"信息项“{field}”的分级（{GradePolicy.Label(item!.Grade)}）要求至少 {floor} 脱敏，不能放宽为 {rule}",
                        $"Field {field} ({item.Grade}) must be masked at least {floor}; {rule} is weaker", $"masking.{field}"));
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
        if (!v.IsValid) return Result<Grant>.Failure(v.Errors);
        // Row scope is a prefix: 370100 (济南市) means every code starting 3701.
        if (scope is not null) scope = Qilu.SharedKernel.Actors.DivisionScope.PrefixOf(scope);
        return new Grant
        {
            ApplicationId = a.Id, ConsumerUnitId = a.ConsumerUnitId, ConsumerName = a.ConsumerName, ConsumerDivision = a.ConsumerDivision,
            EntryId = a.EntryId, EntryCode = a.EntryCode, EntryName = a.EntryName, ProviderUnitId = a.ProviderUnitId, ProviderName = a.ProviderName,
            ProviderDivision = a.ProviderDivision, Purpose = a.Purpose, Fields = a.Fields, Masking = Grant.FormatMasking(masking), RowScope = scope,
            DailyQuota = terms.DailyQuota ?? Math.Max(1, a.CallsPerDay), TotalQuota = terms.TotalQuota,
            RatePerSecond = terms.RatePerSecond ?? options.Value.DefaultRatePerSecond, Grassroots = terms.Grassroots ?? false,
            ShareMethods = Grant.FormatShareMethods(methods),
            ValidFrom = WorkingCalendar.StartOfChinaDay(a.PeriodFrom), ValidUntil = WorkingCalendar.StartOfChinaDay(a.PeriodTo.AddDays(1)), CreatedAt = now,
        };
    }

    public static bool IsDivisionPrefix(string s) => s.Length is >= 2 and <= 12 && s.All(char.IsAsciiDigit);
}
