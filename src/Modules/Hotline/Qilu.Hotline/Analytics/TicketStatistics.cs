using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Hotline.Categories;
using Qilu.Hotline.Contracts;
using Qilu.Hotline.Data;
using Qilu.Hotline.Tickets;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Analytics;

/// <summary>
/// GET /api/hotline/statistics?from=&amp;to=&amp;by=category|division|unit|channel|day: counts and rates of the tickets
/// received in the window within the actor's division subtree. On-time rate = replies by the deadline / replies;
/// satisfaction = (满意 + 基本满意) / tickets with a callback result; 直办 = closed at first contact
/// (<c>fromKnowledge</c>: of those, answered from a knowledge-base article).
/// </summary>
internal static class TicketStatistics
{
    public sealed record Group(string Key, string Name, int Total, int Closed, int Replied, int OnTime, int Rated, int Satisfied, int Dissatisfied,
        int ClosedDirectly, int FromKnowledge)
    {
        public double OnTimeRate => Replied == 0 ? 0 : (double)OnTime / Replied;

        public double SatisfactionRate => Rated == 0 ? 0 : (double)Satisfied / Rated;

        /// <summary>直办率: tickets answered and closed at first contact / tickets received.</summary>
        public double DirectRate => Total == 0 ? 0 : (double)ClosedDirectly / Total;
    }

    public sealed record Report(DateTimeOffset From, DateTimeOffset To, string By, Group Total, IReadOnlyList<Group> Groups);

    public static readonly string[] Dimensions = ["category", "division", "unit", "channel", "day"];

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/statistics", async (DateTimeOffset? from, DateTimeOffset? to, string? by, HttpContext ctx,
            ActorAccessor actors, HotlineDbContext db, CategoryCatalog categories, TimeProvider clock) =>
            Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), from, to, by ?? "category", db, categories, clock, ctx.RequestAborted)))
        .RequireAuthorization()
        .WithName("HotlineStatistics").WithSummary("工单统计 / Ticket statistics").Produces<Report>();

    internal sealed record Row(string CategoryCode, string DivisionCode, string? Unit, TicketChannel Channel, TicketStatus Status, DateTimeOffset CreatedAt,
        DateTimeOffset? RepliedAt, bool OnTime, Satisfaction? Satisfaction, bool ClosedDirectly = false, bool FromKnowledge = false);

    internal static async Task<Result<Report>> HandleAsync(Actor actor, DateTimeOffset? from, DateTimeOffset? to, string by, HotlineDbContext db,
        CategoryCatalog categories, TimeProvider clock, CancellationToken ct)
    {
        if (!actor.Has(HotlinePermissions.Supervise) && !actor.Has(HotlinePermissions.Dispatch))
            return Outcomes.Denied<Report>(Outcomes.Lacks(actor, HotlinePermissions.Supervise)!);
        if (!Dimensions.Contains(by)) return Outcomes.Invalid<Report>("by.unknown", $"未知的统计维度“{by}”", $"Unknown dimension '{by}'", "by");
        var end = (to ?? clock.GetUtcNow()).ToUniversalTime();
        var start = (from ?? end.AddDays(-30)).ToUniversalTime();
        if (start > end) return Outcomes.Invalid<Report>("window.order", "开始时间不能晚于结束时间", "from must not be after to", "from");
        if (end - start > TimeSpan.FromDays(400)) return Outcomes.Invalid<Report>("window.span", "统计区间不能超过400天", "The window may span at most 400 days", "from");
        var rows = await LoadAsync(actor, start, end, db, ct);
        var china = TimeSpan.FromHours(8);
        Func<Row, (string Key, string Name)> keyOf = by switch
        {
            "division" => r => (r.DivisionCode, r.DivisionCode),
            "unit" => r => (r.Unit ?? "", r.Unit ?? "（未派单）"),
            "channel" => r => (TicketChannels.Key(r.Channel), TicketChannels.Zh(r.Channel)),
            "day" => r => { var d = r.CreatedAt.ToOffset(china).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture); return (d, d); },
            _ => r => (r.CategoryCode, categories.PathName(r.CategoryCode)),
        };
        var groups = rows.GroupBy(keyOf).Select(g => Summarise(g.Key.Key, g.Key.Name, g)).OrderByDescending(g => by == "day" ? 0 : g.Total).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        return new Report(start, end, by, Summarise("total", "合计", rows), groups);
    }

    internal static async Task<List<Row>> LoadAsync(Actor actor, DateTimeOffset start, DateTimeOffset end, HotlineDbContext db, CancellationToken ct)
    {
        if (actor.DivisionCode is null) return [];
        var pattern = DivisionScope.LikePattern(actor.DivisionCode);
        return await db.Tickets.AsNoTracking()
            .Where(t => EF.Functions.Like(t.DivisionCode, pattern) && t.CreatedAt >= start && t.CreatedAt <= end && t.Status != TicketStatus.Merged)
            .Select(t => new Row(t.CategoryCode, t.DivisionCode, t.LeadUnitName, t.Channel, t.Status, t.CreatedAt, t.RepliedAt, t.OnTime, t.Satisfaction, t.ClosedDirectly,
                t.KnowledgeArticleId != null))
            .ToListAsync(ct);
    }

    internal static Group Summarise(string key, string name, IEnumerable<Row> rows)
    {
        int total = 0, closed = 0, replied = 0, onTime = 0, rated = 0, satisfied = 0, dissatisfied = 0, direct = 0, fromKnowledge = 0;
        foreach (var r in rows)
        {
            total++;
            if (r.Status == TicketStatus.Closed) closed++;
            if (r.ClosedDirectly) { direct++; if (r.FromKnowledge) fromKnowledge++; }
            if (r.RepliedAt is not null) { replied++; if (r.OnTime) onTime++; }
            if (r.Satisfaction is { } s)
            {
                rated++;
                if (s == Satisfaction.Dissatisfied) dissatisfied++; else satisfied++;
            }
        }
        return new Group(key, name, total, closed, replied, onTime, rated, satisfied, dissatisfied, direct, fromKnowledge);
    }
}
