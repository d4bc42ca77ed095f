using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Entries;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.Platform.Cryptography.Fields;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Quality;

/// <summary>
/// GET /api/catalog/objections?box=incoming|raised|oversee&amp;status=: the objection inbox. <c>incoming</c>: tasks of the
/// actor's unit as source; <c>raised</c>: raised by the actor's unit; <c>oversee</c>: all in the big-data bureau's
/// division subtree. Oldest due first.
/// </summary>
internal static class ListObjections
{
    public static readonly string[] Boxes = ["incoming", "raised", "oversee"];

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/objections", async (string? box, string? status, HttpContext ctx, ActorAccessor actors,
            CatalogDbContext db, IOrganisationDirectory directory, IFieldProtector protector, TimeProvider clock) =>
            Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), box, status, db, directory, protector, clock, ctx.RequestAborted)))
        .RequirePermission(CatalogPermissions.EntriesRead).WithName("ListCatalogObjections").WithSummary("异议工单 / Objection inbox").Produces<List<ObjectionView>>();

    internal static async Task<Result<List<ObjectionView>>> HandleAsync(Actor actor, string? box, string? status, CatalogDbContext db, IOrganisationDirectory directory,
        IFieldProtector protector, TimeProvider clock, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, CatalogPermissions.EntriesRead) is { } denied) return Outcomes.Denied<List<ObjectionView>>(denied);
        box ??= "incoming";
        if (!Boxes.Contains(box)) return Outcomes.Invalid<List<ObjectionView>>("objection.box", "box 须为 incoming、raised 或 oversee", "box must be incoming, raised or oversee", "box");
        if (actor.DepartmentId is not { } unitId) return new List<ObjectionView>();
        IQueryable<Quality.DataObjection> q = db.Objections.AsNoTracking();
        switch (box)
        {
            case "incoming":
                q = q.Where(o => o.SourceUnitId == unitId);
                break;
            case "raised":
                q = q.Where(o => o.RaisedByUnitId == unitId);
                break;
            default:
                var unit = await EntryAccess.UnitOfAsync(actor, directory, ct);
                if (!EntryAccess.IsBigDataBureau(unit) || !actor.Has(CatalogPermissions.EntriesReview) || actor.DivisionCode is null) return new List<ObjectionView>();
                var prefix = DivisionScope.PrefixOf(actor.DivisionCode);
                q = q.Where(o => o.SourceDivisionCode.StartsWith(prefix));
                break;
        }
        if (!string.IsNullOrEmpty(status)) q = q.Where(o => o.Status == status);
        var now = clock.GetUtcNow();
        var list = await q.ToListAsync(ct);
        return list.OrderBy(o => o.Status == ObjectionStatus.Closed).ThenBy(o => o.DueAt).Take(500).Select(o => ObjectionView.Of(o, protector, now, actor.DepartmentId)).ToList();
    }
}
