using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Matters.Auditing;
using Qilu.Matters.Contracts;
using Qilu.Matters.Data;
using Qilu.Matters.UseCases;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Catalog;

/// <summary>
/// PUT /api/matters/{id}: replaces the draft's elements (a published matter gets a new draft version; the published
/// one is untouched until the draft is published). For a standard every element is required; for an implementation
/// omitted elements and elements equal to the standard are inherited. <c>revision</c> must be the current one (409).
/// </summary>
internal static class UpdateMatter
{
    public sealed record Request(uint Revision, MatterContent Content);

    public static void Map(IEndpointRouteBuilder api) => api.MapPut("/{id:guid}", EndpointAsync)
        .RequirePermission(MattersPermissions.CatalogEdit)
        .WithName("UpdateMatter").WithSummary("修改事项（生成草稿） / Edit a matter (draft)").Produces<MatterDrafts.Item>();

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, MattersDbContext db, TimeProvider clock, MattersAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, request, db, clock, audit, ctx.RequestAborted));

    internal static async Task<Result<MatterDrafts.Item>> HandleAsync(Actor actor, Guid id, Request request, MattersDbContext db, TimeProvider clock, MattersAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, MattersPermissions.CatalogEdit) is { } denied) return Outcomes.Denied<MatterDrafts.Item>(denied);
        var matter = await db.Matters.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (matter is null || !CatalogScope.CanRead(actor, matter)) return Outcomes.NotFound<MatterDrafts.Item>("事项", "Matter");
        if (!CatalogScope.CanEdit(actor, matter))
            return Outcomes.Forbidden<MatterDrafts.Item>(matter.IsStandard ? "scope.standard" : "scope.division",
                matter.IsStandard ? "只有省级部门可以修改省级标准事项" : "只能修改本级及下级区划的实施清单",
                matter.IsStandard ? "Only provincial officials edit the provincial standard" : "You may only edit implementations in your division subtree");
        if (matter.Revision != request.Revision) return RevisionConflict.Stale<MatterDrafts.Item>(matter.Revision);
        var content = request.Content ?? new MatterContent();
        List<Error> errors;
        MatterContent own, effective;
        if (matter.IsStandard)
        {
            errors = MatterValidation.CheckComplete(content);
            own = effective = content;
        }
        else
        {
            var standard = await MatterDrafts.PublishedStandardAsync(db, matter.StandardId!.Value, ct) ?? new MatterContent();
            errors = MatterValidation.CheckElements(content);
            effective = content.Over(standard);
            if (errors.Count == 0) errors = MatterValidation.CheckComplete(effective);
            own = MatterContent.OverridesOf(effective, standard);
        }
        if (errors.Count > 0) return Outcomes.Invalid<MatterDrafts.Item>(errors);
        await MatterDrafts.SaveDraftAsync(db, matter, own, effective, actor, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("matters.matter.edited", "matter", matter.Id.ToString(), actor, new { matter.DraftVersion }, ct: ct);
        return MatterDrafts.ToItem(matter);
    }
}
