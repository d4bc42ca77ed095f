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

/// <summary>POST /api/cases/offers/{id}/decline: the person declines the offer (谢绝), optionally saying why; recorded and audited.</summary>
internal static class DeclineOffer
{
    public sealed record Request(string? Reason);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/offers/{id:guid}/decline", async (Guid id, Request? request, HttpContext ctx, ActorAccessor actors,
            CasesDbContext db, IAuditWriter audit, TimeProvider clock) =>
            Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, request ?? new(null), db, audit, clock, ctx.RequestAborted)))
        .RequirePermission(CasesPermissions.Apply)
        .WithName("DeclineOffer").WithSummary("谢绝主动服务推荐 / Decline an offer").Produces<OfferView>().ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Result<OfferView>> HandleAsync(Actor actor, Guid id, Request request, CasesDbContext db, IAuditWriter audit, TimeProvider clock, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Outcomes.Unauthenticated<OfferView>();
        if (Outcomes.Lacks(actor, CasesPermissions.Apply) is { } denied) return Outcomes.Denied<OfferView>(denied);
        var reason = request.Reason?.Trim();
        if (reason is { Length: > 500 })
            return Outcomes.Invalid<OfferView>("offer.reason_length", "原因不超过500个字符", "The reason is at most 500 characters", "reason");
        var now = clock.GetUtcNow();
        await OfferExpiry.ExpireDueAsync(db, audit, now, actor.SubjectId, ct);
        var offer = await db.Offers.SingleOrDefaultAsync(o => o.Id == id && o.RecipientId == actor.SubjectId, ct);
        if (offer is null) return Outcomes.NotFound<OfferView>("服务推荐", "Offer");
        if (offer.Status != OfferStatus.Open)
            return Outcomes.Conflict<OfferView>("offer.not_open", $"该推荐{OfferView.Zh(offer.Status)}，不能谢绝", $"The offer is {OfferView.Code(offer.Status)} and cannot be declined", "status");
        offer.Status = OfferStatus.Declined;
        offer.AnsweredAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcomes.Conflict<OfferView>("concurrency", "该推荐已被处理，请刷新", "The offer was answered meanwhile; reload", "version");
        }
        await OfferAudit.WriteAsync(audit, "declined", offer, actor, new { reason }, ct);
        return OfferView.From(offer);
    }
}
