using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Hotline.Categories;
using Qilu.Hotline.Contracts;
using Qilu.Hotline.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Tickets;

/// <summary>
/// GET /api/hotline/tickets?view=…: the lists each role works from. <c>board</c> (派单台: waiting for dispatch, returned,
/// replies to review, extensions to decide, callbacks due), <c>inbox</c> (the unit's 主办/协办 tickets with deadlines),
/// <c>supervised</c> (open tickets in the supervisor's subtree, overdue first), <c>recent</c> (what this agent recorded),
/// <c>mine</c> (the citizen's own). Every view is filtered by scope in the query, never after.
/// </summary>
internal static class ListTickets
{
    public sealed record Item(Guid Id, string Number, string Status, string StatusName, string Channel, string CategoryCode, string CategoryName,
        string DivisionCode, string? Address, string Excerpt, string Urgency, bool Confidential, string? LeadUnitName, DateTimeOffset CreatedAt,
        DateTimeOffset? Deadline, bool Overdue, int EscalationLevel, bool ExtensionPending, uint Version);

    /// <summary>The most tickets one list returns.</summary>
    public const int Limit = 200;

    public static readonly string[] Views = ["board", "inbox", "supervised", "recent", "mine"];

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/tickets", async (string? view, string? status, HttpContext ctx, ActorAccessor actors,
            HotlineDbContext db, CategoryCatalog categories, TimeProvider clock) =>
            Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), view ?? "inbox", status, db, categories, clock, ctx.RequestAborted)))
        .RequireAuthorization()
        .WithName("ListTickets").WithSummary("工单列表 / List tickets").Produces<IReadOnlyList<Item>>();

    internal static async Task<Result<IReadOnlyList<Item>>> HandleAsync(Actor actor, string view, string? status, HotlineDbContext db,
        CategoryCatalog categories, TimeProvider clock, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Outcomes.Unauthenticated<IReadOnlyList<Item>>();
        IQueryable<Ticket> q = db.Tickets.AsNoTracking();
        switch (view)
        {
            case "board":
                if (!actor.Has(HotlinePermissions.Dispatch) && !actor.Has(HotlinePermissions.Intake))
                    return Outcomes.Denied<IReadOnlyList<Item>>(Outcomes.Lacks(actor, HotlinePermissions.Dispatch)!);
                q = InDivision(q, actor).Where(t => t.Status == TicketStatus.Accepted || t.Status == TicketStatus.Returned || t.Status == TicketStatus.Replied
                    || t.Status == TicketStatus.AwaitingCallback || t.Status == TicketStatus.Handling && t.ExtensionUntil != null);
                break;
            case "inbox":
                if (actor.DepartmentId is not { } dep || !actor.Has(HotlinePermissions.Handle))
                    return Outcomes.Denied<IReadOnlyList<Item>>(Outcomes.Lacks(actor, HotlinePermissions.Handle)!);
                var depText = dep.ToString();
                q = q.Where(t => t.LeadUnitId == dep || t.CoUnitIds.Contains(depText));
                if (status is null) q = q.Where(t => t.Status == TicketStatus.Dispatched || t.Status == TicketStatus.Handling);
                break;
            case "supervised":
                if (!actor.Has(HotlinePermissions.Supervise))
                    return Outcomes.Denied<IReadOnlyList<Item>>(Outcomes.Lacks(actor, HotlinePermissions.Supervise)!);
                q = InDivision(q, actor);
                if (status is null) q = q.Where(t => t.Status != TicketStatus.Closed && t.Status != TicketStatus.Merged);
                break;
            case "recent":
                if (!actor.Has(HotlinePermissions.Intake)) return Outcomes.Denied<IReadOnlyList<Item>>(Outcomes.Lacks(actor, HotlinePermissions.Intake)!);
                q = q.Where(t => t.CreatedById == actor.SubjectId);
                break;
            case "mine":
                q = q.Where(t => t.CitizenId == actor.SubjectId);
                break;
            default:
                return Outcomes.Invalid<IReadOnlyList<Item>>("view.unknown", $"未知的视图“{view}”", $"Unknown view '{view}'", "view");
        }
        if (status is not null)
        {
            var s = Enum.GetValues<TicketStatus>().Where(x => TicketStatuses.Key(x) == status).Select(x => (TicketStatus?)x).FirstOrDefault();
            if (s is null) return Outcomes.Invalid<IReadOnlyList<Item>>("status.unknown", $"未知的状态“{status}”", $"Unknown status '{status}'", "status");
            q = q.Where(t => t.Status == s);
        }
        var rows = await q.OrderByDescending(t => t.CreatedAt).Take(Limit).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var items = rows.Select(t => new Item(t.Id, t.Number, TicketStatuses.Key(t.Status), TicketStatuses.Zh(t.Status), TicketChannels.Zh(t.Channel),
                t.CategoryCode, categories.Find(t.CategoryCode)?.Name ?? t.CategoryCode, t.DivisionCode, t.Address,
                t.Content.Length > 60 ? t.Content[..60] + "…" : t.Content, TicketEnums.Key(t.Urgency), t.Confidential, t.LeadUnitName, t.CreatedAt,
                t.CurrentDeadline, t.CurrentDeadline is { } d && d < now, t.EscalationLevel, t.ExtensionUntil is not null, t.Version))
            // Work lists put the most urgent deadline first; the citizen's and the agent's lists stay newest first.
            .OrderBy(i => view is "inbox" or "supervised" ? i.Deadline ?? DateTimeOffset.MaxValue : DateTimeOffset.MinValue)
            .ToList();
        return items;
    }

    private static IQueryable<Ticket> InDivision(IQueryable<Ticket> q, Actor actor) =>
        actor.DivisionCode is null ? q.Where(_ => false) : q.Where(t => EF.Functions.Like(t.DivisionCode, DivisionScope.LikePattern(actor.DivisionCode)));
}
