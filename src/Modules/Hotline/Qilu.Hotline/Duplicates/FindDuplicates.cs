using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Hotline.Data;
using Qilu.Hotline.Tickets;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Duplicates;

/// <summary>
/// GET /api/hotline/tickets/{id}/duplicates: open tickets of the same category in the same county received within
/// <see cref="WindowDays"/> days, scored by <see cref="DuplicateMatcher"/>; those at or above the threshold are suggested for 并单.
/// </summary>
internal static class FindDuplicates
{
    public const int WindowDays = 7;

    public sealed record Candidate(Guid Id, string Number, string Status, string Excerpt, string? Address, DateTimeOffset CreatedAt, double Score,
        double TextSimilarity, double PlaceSimilarity, double? Metres, bool Suggested);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/tickets/{id:guid}/duplicates", async (Guid id, HttpContext ctx, ActorAccessor actors,
            HotlineDbContext db) => Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, db, ctx.RequestAborted)))
        .RequireAuthorization()
        .WithName("FindDuplicateTickets").WithSummary("疑似重复工单 / Possible duplicates").Produces<IReadOnlyList<Candidate>>();

    internal static async Task<Result<IReadOnlyList<Candidate>>> HandleAsync(Actor actor, Guid id, HotlineDbContext db, CancellationToken ct)
    {
        var t = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (t is null || (TicketScope.CapacitiesOf(actor, t) & (TicketCapacity.Dispatcher | TicketCapacity.Agent)) == 0) return TicketConflicts.NotFound<IReadOnlyList<Candidate>>();
        var from = t.CreatedAt.AddDays(-WindowDays);
        var to = t.CreatedAt.AddDays(WindowDays);
        var county = t.DivisionCode.Length > 6 ? t.DivisionCode[..6] : t.DivisionCode;
        var pool = await db.Tickets.AsNoTracking()
            .Where(x => x.Id != t.Id && x.CategoryCode == t.CategoryCode && x.DivisionCode.StartsWith(county) && x.CreatedAt >= from && x.CreatedAt <= to
                && x.Status != TicketStatus.Closed && x.Status != TicketStatus.Merged)
            .OrderByDescending(x => x.CreatedAt).Take(200).ToListAsync(ct);
        return pool.Select(x =>
            {
                var s = DuplicateMatcher.Compare(t.Content, t.Address, t.Latitude, t.Longitude, x.Content, x.Address, x.Latitude, x.Longitude);
                return new Candidate(x.Id, x.Number, TicketStatuses.Key(x.Status), x.Content.Length > 60 ? x.Content[..60] + "…" : x.Content, x.Address,
                    x.CreatedAt, s.Total, s.Text, s.Place, s.Metres, s.Total >= DuplicateMatcher.SuggestAt);
            })
            .OrderByDescending(c => c.Score).Take(10).ToList();
    }
}
