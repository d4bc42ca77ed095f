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
/// GET /api/matters/deviations?division=: the 同标准无差别 report: for every implementation in scope (its latest
/// version, draft or published), every standard element where it differs from the provincial standard as published.
/// Local elements (咨询/监督电话, 办理地点和时间) are owned by each implementation and not counted.
/// </summary>
internal static class ListDeviations
{
    public sealed record Row(Guid MatterId, string BasicCode, string Name, string DivisionCode, string? ImplementationCode, string? ImplementingUnit,
        bool Draft, IReadOnlyList<Deviations.Item> Deviations);

    public sealed record Response(int Implementations, int Deviating, int Elements, IReadOnlyList<Row> Rows);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/deviations", EndpointAsync)
        .RequirePermission(MattersPermissions.CatalogRead)
        .WithName("ListMatterDeviations").WithSummary("同标准无差别报告 / Deviations from the provincial standard").Produces<Response>();

    private static async Task<IResult> EndpointAsync(string? division, HttpContext ctx, ActorAccessor actors, MattersDbContext db) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), division, db, ctx.RequestAborted));

    internal static async Task<Result<Response>> HandleAsync(Actor actor, string? division, MattersDbContext db, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, MattersPermissions.CatalogRead) is { } denied) return Outcomes.Denied<Response>(denied);
        var root = division ?? actor.DivisionCode ?? "-";
        if (!actor.CanSeeDivision(root)) return Outcomes.Forbidden<Response>("scope.division", "该区划不在您的管辖范围内", "The division is outside your scope");
        var prefix = DivisionScope.PrefixOf(root);
        var implementations = await db.Matters.AsNoTracking().Where(m => m.StandardId != null && m.DivisionCode.StartsWith(prefix))
            .OrderBy(m => m.BasicCode).ThenBy(m => m.DivisionCode).ToListAsync(ct);
        var standards = new Dictionary<Guid, MatterContent?>();
        var rows = new List<Row>();
        foreach (var m in implementations)
        {
            if (!standards.TryGetValue(m.StandardId!.Value, out var standard))
                standards[m.StandardId.Value] = standard = await MatterDrafts.PublishedStandardAsync(db, m.StandardId.Value, ct);
            if (standard is null) continue;
            var own = await MatterDrafts.LatestOwnAsync(db, m, ct);
            var found = Deviations.Between(standard, own);
            if (found.Count > 0)
                rows.Add(new Row(m.Id, m.BasicCode, m.Name, m.DivisionCode, m.ImplementationCode, m.ImplementingUnitName, m.DraftVersion is not null, found));
        }
        return new Response(implementations.Count, rows.Count, rows.Sum(r => r.Deviations.Count), rows);
    }
}
