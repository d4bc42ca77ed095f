using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Matters.Auditing;
using Qilu.Matters.Catalog;
using Qilu.Matters.Contracts;
using Qilu.Matters.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Packages;

/// <summary>GET /api/matters/{id}/package: a configured implementation (its latest version over the standard) as a JSON package.</summary>
internal static class ExportMatterPackage
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/{id:guid}/package", EndpointAsync)
        .RequirePermission(MattersPermissions.CatalogTransfer)
        .WithName("ExportMatterPackage").WithSummary("导出事项配置包 / Export a matter package").Produces<MatterPackage>();

    private static async Task<IResult> EndpointAsync(Guid id, HttpContext ctx, ActorAccessor actors, MattersDbContext db, TimeProvider clock, MattersAudit audit)
    {
        var result = await HandleAsync(actors.FromContext(ctx), id, db, clock, audit, ctx.RequestAborted);
        return result.IsSuccess ? Results.Json(result.Value, MattersJson.Indented) : Qilu.Platform.Http.Problems.From(result);
    }

    internal static async Task<Result<MatterPackage>> HandleAsync(Actor actor, Guid id, MattersDbContext db, TimeProvider clock, MattersAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, MattersPermissions.CatalogTransfer) is { } denied) return Outcomes.Denied<MatterPackage>(denied);
        var m = await db.Matters.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null || !CatalogScope.CanRead(actor, m)) return Outcomes.NotFound<MatterPackage>("事项", "Matter");
        var packaged = await PackAsync(db, m, ct);
        await audit.WriteAsync("matters.package.exported", "matter", m.Id.ToString(), actor, ct: ct);
        return new MatterPackage { Kind = "matter", ExportedAt = clock.GetUtcNow(), SourceDivision = m.DivisionCode, Matters = [packaged] };
    }

    internal static async Task<PackagedMatter> PackAsync(MattersDbContext db, Matter m, CancellationToken ct)
    {
        var own = await MatterDrafts.LatestOwnAsync(db, m, ct);
        var standard = m.IsStandard ? null : await MatterDrafts.PublishedStandardAsync(db, m.StandardId!.Value, ct);
        var effective = standard is null ? own : own.Over(standard);
        return new PackagedMatter(m.BasicCode, effective.Name ?? m.Name, m.Type, m.Level, m.ImplementingUnitKind ?? effective.Routing?.UnitKind ?? "",
            m.DivisionCode, m.ImplementationCode, m.ImplementingUnitName, effective);
    }
}
