using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Matters.Contracts;
using Qilu.Matters.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Catalog;

/// <summary>
/// GET /api/matters/{id}: a matter for the editor: its own elements (draft, else published), the effective elements
/// (merged with the standard), its versions, and for an implementation the elements where it deviates.
/// </summary>
internal static class GetMatter
{
    public sealed record Version(int Number, string Status, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt);

    public sealed record Response(MatterDrafts.Item Matter, MatterContent Own, MatterContent Effective, MatterContent? Standard,
        IReadOnlyList<Version> Versions, IReadOnlyList<Deviations.Item> Deviations);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/{id:guid}", EndpointAsync)
        .RequirePermission(MattersPermissions.CatalogRead)
        .WithName("GetMatter").WithSummary("事项详情（含草稿） / A matter with its draft").Produces<Response>();

    private static async Task<IResult> EndpointAsync(Guid id, HttpContext ctx, ActorAccessor actors, MattersDbContext db) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, db, ctx.RequestAborted));

    internal static async Task<Result<Response>> HandleAsync(Actor actor, Guid id, MattersDbContext db, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, MattersPermissions.CatalogRead) is { } denied) return Outcomes.Denied<Response>(denied);
        var matter = await db.Matters.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (matter is null || !CatalogScope.CanRead(actor, matter)) return Outcomes.NotFound<Response>("事项", "Matter");
        var own = await MatterDrafts.LatestOwnAsync(db, matter, ct);
        var standard = matter.IsStandard ? null : await MatterDrafts.PublishedStandardAsync(db, matter.StandardId!.Value, ct);
        var versions = await db.Versions.AsNoTracking().Where(v => v.MatterId == id).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.Status, v.CreatedAt, v.PublishedAt }).ToListAsync(ct);
        return new Response(MatterDrafts.ToItem(matter), own, standard is null ? own : own.Over(standard), standard,
            [.. versions.Select(v => new Version(v.Number, v.Status.ToString(), v.CreatedAt, v.PublishedAt))],
            standard is null ? [] : Deviations.Between(standard, own));
    }
}
