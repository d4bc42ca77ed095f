using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Sharing.Gateway;

namespace Qilu.Sharing.Subscriptions;

/// <summary>
/// GET /api/sharing/gateway/{grantId}/resources/{resourceId}/changes?after=N&amp;limit=: the change feed a consumer polls,
/// oldest first, within the grant's fields and row scope, masked. <c>next</c> is the cursor for the following call.
/// </summary>
internal static class ReadChangeFeed
{
    public sealed record Change(long Sequence, string Key, bool Deleted, DateTimeOffset At, Dictionary<string, string?>? Row);

    public sealed record Response(Guid GrantId, Guid ResourceId, IReadOnlyList<Change> Changes, long Next);

    public static void Map(IEndpointRouteBuilder gateway) => gateway.MapGet("/{grantId:guid}/resources/{resourceId:guid}/changes",
            (Guid grantId, Guid resourceId, HttpContext ctx, GatewayPipeline p, IServiceProvider sp) =>
                p.RunAsync(ctx, grantId, "changes", false, (r, ct) => HandleAsync(r, resourceId, sp, ct)))
        .WithName("GatewayChangeFeed").WithSummary("变更订阅（拉取）/ Change feed").Produces<Response>();

    internal static async Task<(GatewayAnswer?, GatewayRefusal?)> HandleAsync(GatewayRequest r, Guid resourceId, IServiceProvider sp, CancellationToken ct)
    {
        var (granted, refusal) = await GrantedResource.ResolveAsync(sp, r.Grant, resourceId, r.Query["fields"], ct);
        if (granted is null) return (null, refusal);
        long after = 0;
        if (r.Query.TryGetValue("after", out var a) && (!long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out after) || after < 0))
            return (null, GatewayRefusal.BadRequest("after.range", "after 须为非负整数", "after must be a non-negative integer", "after"));
        var limit = 100;
        if (r.Query.TryGetValue("limit", out var l) && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 1000))
            return (null, GatewayRefusal.BadRequest("limit.range", "limit 须为 1–1000", "limit must be 1–1000", "limit"));
        if (await r.ChargeAsync(ct) is { } charged) return (null, charged);
        var changes = await GrantedResource.Rows(sp).ChangesSinceAsync(resourceId, after, limit, granted.FieldNames, r.Grant.RowScope, ct);
        var list = changes.Select(c => new Change(c.Sequence, granted.MaskKey(c.Key), c.Deleted, c.At, c.Row is null ? null : granted.Mask(c.Row))).ToList();
        return (new GatewayAnswer(new Response(r.Grant.Id, resourceId, list, list.Count > 0 ? list[^1].Sequence : after), list.Count, granted.FieldNames, resourceId), null);
    }
}
