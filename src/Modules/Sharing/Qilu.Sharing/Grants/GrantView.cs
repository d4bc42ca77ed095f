namespace Qilu.Sharing.Grants;

/// <summary>A grant as the API and the pages show it.</summary>
internal sealed record GrantView(Guid Id, Guid? ApplicationId, Guid ConsumerUnitId, string ConsumerName, Guid EntryId, string EntryCode, string EntryName,
    Guid ProviderUnitId, string ProviderName, string Purpose, IReadOnlyList<string> Fields, IReadOnlyDictionary<string, string> Masking, string? RowScope,
    long DailyQuota, long? TotalQuota, long UsedToday, long UsedTotal, int RatePerSecond, bool Grassroots, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil,
    string Status, string? StatusReason, DateTimeOffset? StatusChangedAt, uint Version, bool CanManage, IReadOnlyList<string> ClientIds, bool CanBindClients)
{
    /// <param name="g">The grant.</param>
    /// <param name="now">Now (for the effective state).</param>
    /// <param name="used">Calls used today and in total.</param>
    /// <param name="canManage">The viewer may suspend, resume and revoke (provider unit or bureau).</param>
    /// <param name="canBindClients">The viewer may bind the consumer's calling systems (<see cref="GrantAccess.CanBindClients"/>).</param>
    public static GrantView Of(Grant g, DateTimeOffset now, (long Today, long Total) used, bool canManage, bool canBindClients = false) => new(g.Id, g.ApplicationId, g.ConsumerUnitId,
        g.ConsumerName, g.EntryId, g.EntryCode, g.EntryName, g.ProviderUnitId, g.ProviderName, g.Purpose, g.FieldList,
        g.MaskingRules.ToDictionary(r => r.Key, r => r.Value.ToString(), StringComparer.Ordinal), g.RowScope, g.DailyQuota, g.TotalQuota, used.Today, used.Total,
        g.RatePerSecond, g.Grassroots, g.ValidFrom, g.ValidUntil, g.EffectiveStatus(now), g.StatusReason, g.StatusChangedAt, g.Version, canManage, g.ClientIdList,
        canBindClients);
}
