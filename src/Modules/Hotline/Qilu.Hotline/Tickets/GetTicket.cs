using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Hotline.Categories;
using Qilu.Hotline.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Tickets;

/// <summary>GET /api/hotline/tickets/{id}: the ticket with its timeline and the actions the caller may take now.</summary>
internal static class GetTicket
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/tickets/{id:guid}", async (Guid id, HttpContext ctx, ActorAccessor actors,
            HotlineDbContext db, CategoryCatalog categories, TimeProvider clock) =>
            Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, db, categories, clock, ctx.RequestAborted)))
        .RequireAuthorization()
        .WithName("GetTicket").WithSummary("工单详情 / Get a ticket").Produces<TicketView>().ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Result<TicketView>> HandleAsync(Actor actor, Guid id, HotlineDbContext db, CategoryCatalog categories, TimeProvider clock,
        CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Outcomes.Unauthenticated<TicketView>();
        var t = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) return TicketConflicts.NotFound<TicketView>();
        var who = TicketScope.CapacitiesOf(actor, t);
        if (who == TicketCapacity.None) return TicketConflicts.NotFound<TicketView>();
        var entries = await db.Entries.AsNoTracking().Where(e => e.TicketId == id).ToListAsync(ct);
        return TicketView.Of(t, who, categories, clock.GetUtcNow(), entries);
    }
}
