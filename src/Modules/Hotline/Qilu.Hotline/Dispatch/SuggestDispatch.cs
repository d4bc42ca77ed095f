using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Hotline.Contracts;
using Qilu.Hotline.Data;
using Qilu.Hotline.Tickets;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Dispatch;

/// <summary>GET /api/hotline/tickets/{id}/dispatch-proposal: what the 派单目录 proposes for the ticket, and why.</summary>
internal static class SuggestDispatch
{
    public sealed record Unit(Guid Id, string Name, string DivisionCode, string Kind);

    public sealed record Response(Unit? Lead, IReadOnlyList<Unit> CoUnits, string Explanation);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/tickets/{id:guid}/dispatch-proposal", async (Guid id, HttpContext ctx, ActorAccessor actors,
            HotlineDbContext db, DispatchCatalogue catalogue) => Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, db, catalogue, ctx.RequestAborted)))
        .RequirePermission(HotlinePermissions.Dispatch)
        .WithName("ProposeDispatch").WithSummary("派单建议 / Dispatch proposal").Produces<Response>();

    internal static async Task<Result<Response>> HandleAsync(Actor actor, Guid id, HotlineDbContext db, DispatchCatalogue catalogue, CancellationToken ct)
    {
        var t = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (t is null || (TicketScope.CapacitiesOf(actor, t) & TicketCapacity.Dispatcher) == 0) return TicketConflicts.NotFound<Response>();
        var p = await catalogue.ProposeAsync(t.CategoryCode, t.DivisionCode, ct);
        static Unit Of(Qilu.Identity.Contracts.UnitInfo u) => new(u.Id, u.Name, u.DivisionCode, u.Kind);
        return new Response(p.Lead is null ? null : Of(p.Lead), [.. p.CoUnits.Select(Of)], p.Explanation);
    }
}
