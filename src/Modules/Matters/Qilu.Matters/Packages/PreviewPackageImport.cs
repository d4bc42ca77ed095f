using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Identity.Contracts;
using Qilu.Matters.Catalog;
using Qilu.Matters.Contracts;
using Qilu.Matters.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Packages;

/// <summary>
/// POST /api/matters/packages/preview: what importing a package into a division would change (implementing unit,
/// implementation code, local elements, carried-over deviations), without writing anything.
/// </summary>
internal static class PreviewPackageImport
{
    public sealed record Request(MatterPackage Package, string TargetDivision, LocalElements? Local);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/packages/preview", EndpointAsync)
        .RequirePermission(MattersPermissions.CatalogTransfer)
        .WithName("PreviewPackageImport").WithSummary("预览配置包导入 / Preview a package import").Produces<PackagePlan>();

    private static async Task<IResult> EndpointAsync(Request request, HttpContext ctx, ActorAccessor actors, MattersDbContext db, IOrganisationDirectory directory) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), request, db, directory, ctx.RequestAborted));

    internal static async Task<Result<PackagePlan>> HandleAsync(Actor actor, Request request, MattersDbContext db, IOrganisationDirectory directory, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, MattersPermissions.CatalogTransfer) is { } denied) return Outcomes.Denied<PackagePlan>(denied);
        if (request.Package is null) return Outcomes.Invalid<PackagePlan>("required", "请提供配置包", "The package is required", "package");
        if (!CatalogScope.CanEditDivision(actor, request.TargetDivision ?? ""))
            return Outcomes.Forbidden<PackagePlan>("scope.division", "只能导入到本级及下级区划", "You may only import into your division subtree");
        return await PackagePlanner.PlanAsync(request.Package, request.TargetDivision!, request.Local ?? new LocalElements(null, null, null, null), db, directory, ct);
    }
}
