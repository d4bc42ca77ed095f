using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Hotline.Data;
using Qilu.Platform.Audit;
using Qilu.Platform.Auth;
using Qilu.Platform.Cryptography.Fields;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Tickets;

/// <summary>
/// POST /api/hotline/tickets/{id}/caller: the caller's full name and phone, to call them back. Every read is audited;
/// a 保密件 refuses handling units (403), whose staff contact the caller through the hotline centre.
/// </summary>
internal static class RevealCaller
{
    public sealed record Response(string? Name, string? Phone);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/tickets/{id:guid}/caller", async (Guid id, HttpContext ctx, ActorAccessor actors,
            HotlineDbContext db, IFieldProtector protector, IAuditWriter audit) =>
            Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, db, protector, audit, ctx.RequestAborted)))
        .RequireAuthorization()
        .WithName("RevealTicketCaller").WithSummary("查看来电人完整信息（留痕）/ Reveal the caller (audited)").Produces<Response>();

    internal static async Task<Result<Response>> HandleAsync(Actor actor, Guid id, HotlineDbContext db, IFieldProtector protector, IAuditWriter audit,
        CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Outcomes.Unauthenticated<Response>();
        var t = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) return TicketConflicts.NotFound<Response>();
        var who = TicketScope.CapacitiesOf(actor, t);
        if (who == TicketCapacity.None) return TicketConflicts.NotFound<Response>();
        if (!TicketScope.MaySeeCaller(who, t))
        {
            await audit.WriteAsync(new AuditEvent("hotline.ticket.caller_read", "ticket", t.Number, "denied", actor, new { confidential = true }), ct);
            return Outcomes.Denied<Response>(new("hotline.confidential", "保密件：承办单位不能查看来电人信息，请通过12345热线联系诉求人",
                "Confidential ticket: handling units cannot see the caller; contact them through the hotline centre"));
        }
        await audit.WriteAsync(new AuditEvent("hotline.ticket.caller_read", "ticket", t.Number, "success", actor,
            new { phone = t.CallerPhoneMasked }), ct);
        return new Response(t.CallerNameProtected is { } n ? protector.Unprotect(n) : null, t.CallerPhoneProtected is { } p ? protector.Unprotect(p) : null);
    }
}
