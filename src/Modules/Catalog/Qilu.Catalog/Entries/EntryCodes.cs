using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;

namespace Qilu.Catalog.Entries;

/// <summary>
/// Catalog codes: the provider's division code, then 分类码 (1 基础, 2 主题, 3 部门) and a 5-digit 顺序码 per division
/// and class, e.g. <c>370102-3-00017</c>. The unique index on the code turns a concurrent duplicate into a 409.
/// </summary>
internal static class EntryCodes
{
    public static async Task<string> NextAsync(CatalogDbContext db, CatalogCategory category, string division, CancellationToken ct)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{division}-{(int)category}-");
        var count = await db.Entries.CountAsync(e => e.Code.StartsWith(prefix), ct);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{count + 1:D5}");
    }
}

/// <summary>Publishes integration events through the module's outbox, in the caller's transaction (ADR 0011).</summary>
internal static class CatalogOutbox
{
    public static void Add<T>(CatalogDbContext db, T @event, DateTimeOffset now) where T : Qilu.Platform.Events.IntegrationEvent =>
        Qilu.Platform.Events.OutboxModel.Publish(db, @event.OccurredAt == now ? @event : @event with { OccurredAt = now });
}
