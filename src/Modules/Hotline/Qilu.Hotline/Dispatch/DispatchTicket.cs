using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Hotline.Tickets;
using Qilu.Identity.Contracts;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Dispatch;

/// <summary>
/// POST /api/hotline/tickets/{id}/dispatch (派单) and …/redispatch (改派): the dispatcher sends the ticket to a 主办
/// unit with optional 协办 units. Units left out are taken from the dispatch catalogue. Starts the sign-for and the
/// handling deadlines (by urgency and category); 改派 restarts them for the new unit.
/// </summary>
internal static class DispatchTicket
{
    public sealed record Request(Guid? LeadUnitId, Guid[]? CoUnitIds, string? Note, uint? Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        TicketEndpoints.MapAction<Request>(api, TicketMachine.Dispatch, "派单 / Dispatch", (a, id, r, sp, ct) => HandleAsync(a, id, TicketMachine.Dispatch, r, sp, ct));
        TicketEndpoints.MapAction<Request>(api, TicketMachine.Redispatch, "改派 / Re-dispatch", (a, id, r, sp, ct) => HandleAsync(a, id, TicketMachine.Redispatch, r, sp, ct));
    }

    internal static Task<Result<Ticket>> HandleAsync(Actor actor, Guid id, string action, Request request, IServiceProvider sp, CancellationToken ct)
    {
        var directory = sp.GetRequiredService<IOrganisationDirectory>();
        var catalogue = sp.GetRequiredService<DispatchCatalogue>();
        var options = TicketEndpoints.Options(sp).Value;
        var note = TicketEndpoints.Clean(request.Note);
        return TicketEndpoints.Transition(sp).RunAsync(actor, id, action, request.Version, async (t, now) =>
        {
            if (note is { Length: > 1000 }) return Result<string?>.Failure(new Error("max_length", "派单意见不能超过1000个字符", "note must be at most 1000 characters", "note"));
            UnitInfo? lead;
            List<UnitInfo> co = [];
            string why;
            if (request.LeadUnitId is { } leadId)
            {
                lead = await directory.FindUnitAsync(leadId, ct);
                if (lead is null) return Result<string?>.Failure(new Error("unit.unknown", "主办单位不存在", "The lead unit does not exist", "leadUnitId"));
                foreach (var cid in (request.CoUnitIds ?? []).Distinct().Where(x => x != leadId))
                {
                    var u = await directory.FindUnitAsync(cid, ct);
                    if (u is null) return Result<string?>.Failure(new Error("unit.unknown", "协办单位不存在", "A co-unit does not exist", "coUnitIds"));
                    co.Add(u);
                }
                why = "派单员指定";
            }
            else
            {
                var proposal = await catalogue.ProposeAsync(t.CategoryCode, t.DivisionCode, ct);
                if (proposal.Lead is null) return Result<string?>.Failure(new Error("dispatch.no_unit", proposal.Explanation, "The dispatch catalogue names no unit; choose one", "leadUnitId"));
                lead = proposal.Lead;
                co = [.. proposal.CoUnits];
                why = proposal.Explanation;
            }
            if (action == TicketMachine.Redispatch && lead.Id == t.LeadUnitId)
                return Result<string?>.Failure(new Error("dispatch.same_unit", "改派须选择不同的主办单位", "Re-dispatch needs a different lead unit", "leadUnitId"));
            if (co.Count > 8) return Result<string?>.Failure(new Error("dispatch.too_many", "协办单位不能超过8个", "At most 8 co-units", "coUnitIds"));
            t.LeadUnitId = lead.Id;
            t.LeadUnitName = lead.Name;
            t.LeadUnitDivision = lead.DivisionCode;
            t.CoUnitIds = string.Join(',', co.Select(u => u.Id));
            t.CoUnitNames = string.Join('、', co.Select(u => u.Name));
            t.Status = TicketStatus.Dispatched;
            t.DispatchedAt = now;
            t.SignedAt = null;
            t.SignDueAt = now + options.SignWindow(t.Urgency);
            t.DueAt = now + options.HandleWindow(t.CategoryCode, t.Urgency);
            t.ReturnReason = null;
            t.ExtensionUntil = null;
            t.ExtensionReason = null;
            t.EscalationLevel = 0;
            t.EscalatedTo = null;
            return $"主办：{lead.Name}" + (co.Count > 0 ? $"；协办：{t.CoUnitNames}" : "") + $"（{why}）" + (note is null ? "" : "；" + note);
        }, ct);
    }
}
