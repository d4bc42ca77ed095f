using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.OpenData.Contracts;
using Qilu.OpenData.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.OpenData.Access;

/// <summary>GET /api/opendata/applications?inbox=true: the applicant's own applications, or (inbox) those addressed to
/// the actor's unit, with deadlines and whether they are overdue.</summary>
internal static class ListApplications
{
    public sealed record Item(Guid Id, Guid DatasetId, string DatasetTitle, string ApplicantName, string Purpose, string Scenario, ApplicationStatus Status,
        DateTimeOffset SubmittedAt, DateTimeOffset DueAt, bool Overdue, string? Reason, string? Terms, DateTimeOffset? ValidUntil, string? KeyPrefix,
        long Calls, int Reports, uint Version, string DatasetName, IReadOnlyList<string> Fields, bool Expired);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/applications", async (bool? inbox, HttpContext ctx, ActorAccessor actors,
            OpenDataDbContext db, TimeProvider clock) => Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), inbox ?? false, db, clock, ctx.RequestAborted)))
        .RequireAuthorization().WithName("ListOpenDataApplications").WithSummary("申请列表 / Applications").Produces<IReadOnlyList<Item>>();

    internal static async Task<Result<IReadOnlyList<Item>>> HandleAsync(Actor actor, bool inbox, OpenDataDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (inbox && Outcomes.Lacks(actor, OpenDataPermissions.Respond) is { } lacks) return Outcomes.Denied<IReadOnlyList<Item>>(lacks);
        var now = clock.GetUtcNow();
        var query = inbox ? db.Applications.Where(a => a.ProviderUnitId == actor.DepartmentId) : db.Applications.Where(a => a.ApplicantId == actor.SubjectId);
        var rows = await query.AsNoTracking().OrderByDescending(a => a.SubmittedAt).Take(500)
            .Join(db.Datasets, a => a.DatasetId, d => d.Id, (a, d) => new { a, d.Title, d.Name, Reports = a.Reports.Count }).ToListAsync(ct);
        return rows.Select(r => new Item(r.a.Id, r.a.DatasetId, r.Title, r.a.ApplicantName, r.a.Purpose, r.a.Scenario, r.a.Status, r.a.SubmittedAt, r.a.DueAt,
            r.a.Status == ApplicationStatus.Pending && now > r.a.DueAt, r.a.Reason, r.a.Terms, r.a.ValidUntil, r.a.KeyPrefix, r.a.Calls, r.Reports, r.a.Version, r.Name, r.a.Fields, r.a.ValidUntil is { } until && until <= now)).ToList();
    }
}
