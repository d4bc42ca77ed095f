namespace Qilu.Sharing.Grants;

/// <summary>A grant as the API and the pages show it.</summary>
internal sealed record GrantView(Guid Id, Guid? ApplicationId, Guid ConsumerUnitId, string ConsumerName, Guid EntryId, string EntryCode, string EntryName,
    Guid ProviderUnitId, string ProviderName, string Purpose, IReadOnlyList<string> Fields, IReadOnlyDictionary<string, string> Masking, string? RowScope,
    long DailyQuota, long? TotalQuota, long UsedToday, long UsedTotal, int RatePerSecond, bool Grassroots, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil,
    string Status, string? StatusReason, DateTimeOffset? StatusChangedAt, uint Version, bool CanManage)
{
    public static GrantView Of(Grant g, DateTimeOffset now, (long Today, long Total) used, bool canManage) => new(g.Id, g.ApplicationId, g.ConsumerUnitId,
        g.ConsumerName, g.EntryId, g.EntryCode, g.EntryName, g.ProviderUnitId, g.ProviderName, g.Purpose, g.FieldList,
        g.MaskingRules.ToDictionary(r => r.Key, r => r.Value.ToString(), StringComparer.Ordinal), g.RowScope, g.DailyQuota, g.TotalQuota, used.Today, used.Total,
        g.RatePerSecond, g.Grassroots, g.ValidFrom, g.ValidUntil, g.EffectiveStatus(now), g.StatusReason, g.StatusChangedAt, g.Version, canManage);
}
