using Qilu.Catalog.Contracts;
using Qilu.Sharing.Grants;

namespace Qilu.Sharing.UI;

/// <summary>
/// What the last approver types into the inbox's terms form, started from the issuer's draft. It checks nothing itself:
/// the rules live in <see cref="GrantIssuer"/>, whose errors the page shows beside the field they name.
/// </summary>
internal sealed class GrantTermsInput(GrantTermsDraft draft)
{
    public GrantTermsDraft Draft { get; } = draft;
    public long? DailyQuota { get; set; } = draft.DailyQuota;
    public long? TotalQuota { get; set; } = draft.TotalQuota;
    public int? RatePerSecond { get; set; } = draft.RatePerSecond;
    public string? RowScope { get; set; } = draft.RowScope;
    public DateOnly? PeriodFrom { get; set; } = draft.PeriodFrom;
    public DateOnly? PeriodTo { get; set; } = draft.PeriodTo;
    public bool Grassroots { get; set; } = draft.Grassroots;
    public Dictionary<string, MaskingRule> Masking { get; } = draft.Masking.ToDictionary(m => m.Field, m => m.Floor, StringComparer.Ordinal);

    /// <summary>
    /// The terms to approve with. An emptied row scope means every row ("*"), not "as applied for"; masking is sent only
    /// where the approver made it stricter, so an untouched form issues the same grant as no terms at all.
    /// </summary>
    public GrantTerms ToTerms() => new(DailyQuota, TotalQuota, string.IsNullOrWhiteSpace(RowScope) ? "*" : RowScope.Trim(),
        Draft.Masking.Where(m => Masking[m.Field] != m.Floor).ToDictionary(m => m.Field, m => Masking[m.Field].ToString(), StringComparer.Ordinal),
        RatePerSecond, Grassroots, PeriodFrom, PeriodTo);
}
