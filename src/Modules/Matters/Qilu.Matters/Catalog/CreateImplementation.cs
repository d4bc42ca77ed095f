using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Contracts;
using Qilu.Matters.Auditing;
using Qilu.Matters.Codes;
using Qilu.Matters.Contracts;
using Qilu.Matters.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Catalog;

/// <summary>
/// POST /api/matters/implementations: a city or county (or a provincial department) implements a published standard
/// matter with one of its units. The content holds what the implementation sets itself (its local elements and any
/// deviation); everything else is inherited from the standard. The implementation code is composed from the basic
/// code, the division and the unit's credit code.
/// </summary>
internal static class CreateImplementation
{
    public sealed record Request(Guid StandardId, string DivisionCode, Guid ImplementingUnitId, MatterContent? Content);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/implementations", EndpointAsync)
        .RequirePermission(MattersPermissions.CatalogEdit)
        .WithName("CreateMatterImplementation").WithSummary("新增事项实施清单 / Implement a matter locally").Produces<MatterDrafts.Item>(201);

    private static async Task<IResult> EndpointAsync(Request request, HttpContext ctx, ActorAccessor actors, MattersDbContext db, IOrganisationDirectory directory,
        TimeProvider clock, MattersAudit audit) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), request, db, directory, clock, audit, ctx.RequestAborted), m => $"/api/matters/{m.Id}");

    internal static async Task<Result<MatterDrafts.Item>> HandleAsync(Actor actor, Request request, MattersDbContext db, IOrganisationDirectory directory,
        TimeProvider clock, MattersAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, MattersPermissions.CatalogEdit) is { } denied) return Outcomes.Denied<MatterDrafts.Item>(denied);
        var division = await directory.FindDivisionAsync(request.DivisionCode ?? "", ct);
        if (division is null)
            return Outcomes.Invalid<MatterDrafts.Item>("division.unknown", "行政区划不存在", "The division does not exist", "divisionCode");
        if (!CatalogScope.CanEditDivision(actor, division.Code))
            return Outcomes.Forbidden<MatterDrafts.Item>("scope.division", "只能维护本级及下级区划的实施清单", "You may only implement matters in your own division subtree");
        var standard = await db.Matters.FirstOrDefaultAsync(m => m.Id == request.StandardId && m.StandardId == null, ct);
        if (standard is null) return Outcomes.NotFound<MatterDrafts.Item>("标准事项", "Standard matter");
        var standardContent = await MatterDrafts.PublishedStandardAsync(db, standard.Id, ct);
        if (standardContent is null)
            return Outcomes.Conflict<MatterDrafts.Item>("standard.unpublished", "标准事项尚未发布，不能实施", "The standard is not published yet", "standardId");
        var unit = await directory.FindUnitAsync(request.ImplementingUnitId, ct);
        var ancestry = CatalogScope.Ancestry(division.Code);
        if (unit is null || !ancestry.Contains(unit.DivisionCode))
            return Outcomes.Invalid<MatterDrafts.Item>("unit.out_of_division", "实施主体须为该区划或其上级区划的部门", "The implementing unit must govern the division", "implementingUnitId");
        var own = request.Content ?? new MatterContent();
        var errors = MatterValidation.CheckElements(own);
        var effective = own.Over(standardContent);
        if (errors.Count == 0) errors.AddRange(MatterValidation.CheckComplete(effective));
        if (errors.Count > 0) return Outcomes.Invalid<MatterDrafts.Item>(errors);
        if (await db.Matters.AnyAsync(m => m.BasicCode == standard.BasicCode && m.DivisionCode == division.Code && m.ImplementingUnitId == unit.Id, ct))
            return Outcomes.Conflict<MatterDrafts.Item>("implementation.exists", "该单位在该区划已有此事项的实施清单", "This unit already implements the matter in this division");
        var now = clock.GetUtcNow();
        var matter = new Matter
        {
            BasicCode = standard.BasicCode, DivisionCode = division.Code, StandardId = standard.Id, Level = standard.Level, ParentCode = standard.ParentCode,
            Type = standard.Type, Name = effective.Name!, UpdatedAt = now,
            ImplementationCode = ImplementationCode.Compose(MatterBasicCode.Parse(standard.BasicCode).Value, division.Code, unit.CreditCode),
            ImplementingUnitId = unit.Id, ImplementingUnitName = unit.Name, ImplementingUnitCreditCode = unit.CreditCode, ImplementingUnitKind = unit.Kind,
        };
        db.Matters.Add(matter);
        await MatterDrafts.SaveDraftAsync(db, matter, MatterContent.OverridesOf(effective, standardContent), effective, actor, now, ct);
        matter.Revision = 1;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("matters.implementation.created", "matter", matter.Id.ToString(), actor, new { matter.ImplementationCode }, ct: ct);
        return MatterDrafts.ToItem(matter);
    }
}
