using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Cases.Contracts;
using Qilu.Cases.Data;
using Qilu.Platform.Audit;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Cases.Offers;

/// <summary>GET /api/cases/offers: 我的服务推荐 — the proactive offers made to the signed-in person, open ones first (due ones expire on read).</summary>
internal static class ListMyOffers
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/offers", async (HttpContext ctx, ActorAccessor actors, CasesDbContext db, IAuditWriter audit, TimeProvider clock) =>
            Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), db, audit, clock, ctx.RequestAborted)))
        .RequirePermission(CasesPermissions.Apply)
        .WithName("ListMyOffers").WithSummary("我的服务推荐（主动服务） / My proactive offers").Produces<IReadOnlyList<OfferView>>();

    internal static async Task<Result<IReadOnlyList<OfferView>>> HandleAsync(Actor actor, CasesDbContext db, IAuditWriter audit, TimeProvider clock, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Outcomes.Unauthenticated<IReadOnlyList<OfferView>>();
        if (Outcomes.Lacks(actor, CasesPermissions.Apply) is { } denied) return Outcomes.Denied<IReadOnlyList<OfferView>>(denied);
        await OfferExpiry.ExpireDueAsync(db, audit, clock.GetUtcNow(), actor.SubjectId, ct);
        var rows = await db.Offers.AsNoTracking().Where(o => o.RecipientId == actor.SubjectId).ToListAsync(ct);
        return Result<IReadOnlyList<OfferView>>.Success([.. rows.OrderBy(o => o.Status != OfferStatus.Open).ThenByDescending(o => o.CreatedAt).Take(200).Select(OfferView.From)]);
    }

    /// <summary>How many open offers the person has (the portal menu's count).</summary>
    internal static async Task<int> CountOpenAsync(Actor actor, CasesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return 0;
        var now = clock.GetUtcNow();
        var open = await db.Offers.AsNoTracking().Where(o => o.RecipientId == actor.SubjectId && o.Status == OfferStatus.Open).ToListAsync(ct);
        return open.Count(o => !o.IsDue(now));
    }
}
