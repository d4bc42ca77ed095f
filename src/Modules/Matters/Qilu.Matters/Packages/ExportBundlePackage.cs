using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Matters.Auditing;
using Qilu.Matters.Bundles;
using Qilu.Matters.Catalog;
using Qilu.Matters.Contracts;
using Qilu.Matters.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Packages;

/// <summary>
/// GET /api/matters/bundles/{division}/{code}/package: a bundle's configuration with each member matter as configured
/// nearest that division (the division's own implementation, else its city's, else the province's).
/// </summary>
internal static class ExportBundlePackage
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/bundles/{division}/{code}/package", EndpointAsync)
        .RequirePermission(MattersPermissions.CatalogTransfer)
        .WithName("ExportBundlePackage").WithSummary("导出一件事配置包 / Export a bundle package").Produces<MatterPackage>();

    private static async Task<IResult> EndpointAsync(string division, string code, HttpContext ctx, ActorAccessor actors, MattersDbContext db, TimeProvider clock, MattersAudit audit)
    {
        var result = await HandleAsync(actors.FromContext(ctx), division, code, db, clock, audit, ctx.RequestAborted);
        return result.IsSuccess ? Results.Json(result.Value, MattersJson.Indented) : Qilu.Platform.Http.Problems.From(result);
    }

    internal static async Task<Result<MatterPackage>> HandleAsync(Actor actor, string division, string code, MattersDbContext db, TimeProvider clock, MattersAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, MattersPermissions.CatalogTransfer) is { } denied) return Outcomes.Denied<MatterPackage>(denied);
        var bundle = await db.Bundles.AsNoTracking().FirstOrDefaultAsync(b => b.Code == code && b.DivisionCode == division, ct);
        if (bundle is null || (division != CatalogScope.Province && !actor.CanSeeDivision(division))) return Outcomes.NotFound<MatterPackage>("一件事", "Bundle");
        var content = BundleContent.FromJson(bundle.Content);
        var ancestry = CatalogScope.Ancestry(division);
        var matters = new List<PackagedMatter>();
        foreach (var member in content.Members)
        {
            var candidates = await db.Matters.AsNoTracking().Where(m => m.BasicCode == member.BasicCode && m.StandardId != null && ancestry.Contains(m.DivisionCode)).ToListAsync(ct);
            var nearest = ancestry.Select(a => candidates.FirstOrDefault(c => c.DivisionCode == a)).FirstOrDefault(c => c is not null)
                ?? await db.Matters.AsNoTracking().FirstOrDefaultAsync(m => m.BasicCode == member.BasicCode && m.StandardId == null, ct);
            if (nearest is null)
                return Outcomes.Conflict<MatterPackage>("package.member_missing", $"成员事项 {member.BasicCode} 不存在", $"Member matter {member.BasicCode} does not exist");
            matters.Add(await ExportMatterPackage.PackAsync(db, nearest, ct));
        }
        await audit.WriteAsync("matters.package.exported", "bundle", $"{division}/{code}", actor, ct: ct);
        return new MatterPackage
        {
            Kind = "bundle", ExportedAt = clock.GetUtcNow(), SourceDivision = division, Matters = matters, Bundle = new PackagedBundle(code, content),
        };
    }
}
