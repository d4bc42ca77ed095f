using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Contracts;
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
/// POST /api/matters/packages/import: carries out the <see cref="PreviewPackageImport"/> plan in one transaction:
/// implementations are created (or get a new draft) in the target division with the adapted local elements, and a
/// bundle is saved as a draft there. Everything lands as drafts: the importing city reviews and publishes. Any planning
/// error refuses the whole import.
/// </summary>
internal static class ImportPackage
{
    public sealed record Response(PackagePlan Plan, IReadOnlyList<Guid> MatterIds);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/packages/import", EndpointAsync)
        .RequirePermission(MattersPermissions.CatalogTransfer)
        .WithName("ImportPackage").WithSummary("导入配置包 / Import a package").Produces<Response>();

    private static async Task<IResult> EndpointAsync(PreviewPackageImport.Request request, HttpContext ctx, ActorAccessor actors, MattersDbContext db,
        IOrganisationDirectory directory, TimeProvider clock, MattersAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), request, db, directory, clock, audit, ctx.RequestAborted));

    internal static async Task<Result<Response>> HandleAsync(Actor actor, PreviewPackageImport.Request request, MattersDbContext db, IOrganisationDirectory directory,
        TimeProvider clock, MattersAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, MattersPermissions.CatalogEdit) is { } lacksEdit) return Outcomes.Denied<Response>(lacksEdit);
        var planned = await PreviewPackageImport.HandleAsync(actor, request, db, directory, ct);
        if (!planned.IsSuccess) return Result<Response>.Failure(planned.Errors, planned.Kind);
        var plan = planned.Value;
        if (plan.Errors.Count > 0) return Outcomes.Invalid<Response>(plan.Errors);
        var now = clock.GetUtcNow();
        var ids = new List<Guid>();
        foreach (var p in plan.Matters)
        {
            var standard = await db.Matters.FirstAsync(m => m.StandardId == null && m.BasicCode == p.BasicCode, ct);
            var standardContent = (await MatterDrafts.PublishedStandardAsync(db, standard.Id, ct))!;
            var own = MatterContent.OverridesOf(p.Effective, standardContent);
            var matter = p.ExistingId is { } id ? await db.Matters.FirstAsync(m => m.Id == id, ct) : null;
            if (matter is null)
            {
                matter = new Matter
                {
                    BasicCode = p.BasicCode, DivisionCode = plan.TargetDivision, StandardId = standard.Id, Level = standard.Level, ParentCode = standard.ParentCode,
                    Type = standard.Type, Name = p.Name, UpdatedAt = now, ImplementationCode = p.ImplementationCode,
                    ImplementingUnitId = p.Unit!.Id, ImplementingUnitName = p.Unit.Name, ImplementingUnitCreditCode = p.Unit.CreditCode, ImplementingUnitKind = p.Unit.Kind,
                };
                db.Matters.Add(matter);
            }
            await MatterDrafts.SaveDraftAsync(db, matter, own, p.Effective, actor, now, ct);
            ids.Add(matter.Id);
        }
        if (request.Package.Bundle is { } b)
        {
            var bundle = await db.Bundles.FirstOrDefaultAsync(x => x.Code == b.Code && x.DivisionCode == plan.TargetDivision, ct);
            if (bundle is null)
                db.Bundles.Add(new Bundle { Code = b.Code, DivisionCode = plan.TargetDivision, Name = b.Content.Name, Content = b.Content.ToJson(), UpdatedAt = now, Revision = 1 });
            else
            {
                bundle.Content = b.Content.ToJson();
                bundle.Name = b.Content.Name;
                bundle.HasDraft = true;
                bundle.UpdatedAt = now;
                bundle.Revision++;
            }
        }
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("matters.package.imported", "package", plan.TargetDivision, actor,
            new { matters = plan.Matters.Count, bundle = request.Package.Bundle?.Code, from = request.Package.SourceDivision }, ct: ct);
        return new Response(plan, ids);
    }
}
