using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Hotline.Data;
using Qilu.Hotline.Tickets;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Duplicates;

/// <summary>
/// POST /api/hotline/tickets/{id}/merge: 并单. The dispatcher merges a new ticket (not yet dispatched) into an open one of
/// the same category; it is then handled with that ticket and, when that ticket is answered, gets the same reply and
/// its own callback, so each citizen is informed (<see cref="MergedReplies"/>).
/// </summary>
internal static class MergeTicket
{
    public sealed record Request(Guid IntoId, uint? Version);

    public static void Map(IEndpointRouteBuilder api) =>
        TicketEndpoints.MapAction<Request>(api, TicketMachine.Merge, "并单 / Merge into another ticket", HandleAsync);

    internal static Task<Result<Ticket>> HandleAsync(Actor actor, Guid id, Request request, IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<HotlineDbContext>();
        return TicketEndpoints.Transition(sp).RunAsync(actor, id, TicketMachine.Merge, request.Version, async (t, now) =>
        {
            if (request.IntoId == t.Id) return Result<string?>.Failure(new Error("merge.self", "不能并入自身", "A ticket cannot be merged into itself", "intoId"));
            var into = await db.Tickets.SingleOrDefaultAsync(x => x.Id == request.IntoId, ct);
            if (into is null || (TicketScope.CapacitiesOf(actor, into) & TicketCapacity.Dispatcher) == 0)
                return Result<string?>.Failure(new Error("merge.target_unknown", "目标工单不存在或不在您的权限范围内", "The target ticket does not exist or is outside your scope", "intoId"));
            if (into.Status is TicketStatus.Closed or TicketStatus.Merged)
                return Result<string?>.Failure(new Error("merge.target_closed", $"目标工单{into.Number}已办结或已并单", $"Ticket {into.Number} is closed or merged", "intoId"));
            if (into.CategoryCode != t.CategoryCode)
                return Result<string?>.Failure(new Error("merge.category", "只能并入同一分类的工单", "Only tickets of the same category can be merged", "intoId"));
            t.Status = TicketStatus.Merged;
            t.MergedIntoId = into.Id;
            t.LeadUnitId = into.LeadUnitId;
            t.LeadUnitName = into.LeadUnitName;
            t.LeadUnitDivision = into.LeadUnitDivision;
            into.MergedCount++;
            into.UpdatedAt = now;
            db.Entries.Add(new TicketEntry { TicketId = into.Id, At = now, Action = "merged-in", Title = "并单", ActorId = actor.SubjectId, ActorName = actor.DisplayName, Note = $"工单{t.Number}并入本单", Public = false });
            return $"并入工单 {into.Number}，与其一并办理、答复";
        }, ct);
    }
}
