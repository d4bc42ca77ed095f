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
/// POST /api/matters/{id}/publish: the draft becomes the published version and the previous one is superseded. An
/// implementation's effective content is re-validated against the standard as published now.
/// </summary>
internal static class PublishMatter
{
    public sealed record Request(uint Revision);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/{id:guid}/publish", EndpointAsync)
        .RequirePermission(MattersPermissions.CatalogPublish)
        .WithName("PublishMatter").WithSummary("发布事项草稿 / Publish a matter's draft").Produces<MatterDrafts.Item>();

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, MattersDbContext db, TimeProvider clock, MattersAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, request.Revision, db, clock, audit, ctx.RequestAborted));

    internal static async Task<Result<MatterDrafts.Item>> HandleAsync(Actor actor, Guid id, uint revision, MattersDbContext db, TimeProvider clock, MattersAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, MattersPermissions.CatalogPublish) is { } denied) return Outcomes.Denied<MatterDrafts.Item>(denied);
        var matter = await db.Matters.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (matter is null || !CatalogScope.CanRead(actor, matter)) return Outcomes.NotFound<MatterDrafts.Item>("事项", "Matter");
        if (!CatalogScope.CanEdit(actor, matter))
            return Outcomes.Forbidden<MatterDrafts.Item>("scope.publish", "您无权发布该事项", "You may not publish this matter");
        if (matter.Revision != revision) return RevisionConflict.Stale<MatterDrafts.Item>(matter.Revision);
        if (matter.DraftVersion is not { } number)
            return Outcomes.Conflict<MatterDrafts.Item>("matter.no_draft", "没有待发布的草稿", "There is no draft to publish");
        var draft = await db.Versions.FirstAsync(v => v.MatterId == matter.Id && v.Number == number, ct);
        if (!matter.IsStandard)
        {
            var standard = await MatterDrafts.PublishedStandardAsync(db, matter.StandardId!.Value, ct) ?? new MatterContent();
            var errors = MatterValidation.CheckComplete(MatterContent.FromJson(draft.Content).Over(standard));
            if (errors.Count > 0) return Outcomes.Invalid<MatterDrafts.Item>(errors);
        }
        var now = clock.GetUtcNow();
        if (matter.PublishedVersion is { } previous)
            (await db.Versions.FirstAsync(v => v.MatterId == matter.Id && v.Number == previous, ct)).Status = VersionStatus.Superseded;
        draft.Status = VersionStatus.Published;
        draft.PublishedAt = now;
        draft.PublishedBy = actor.SubjectId;
        matter.PublishedVersion = number;
        matter.DraftVersion = null;
        matter.UpdatedAt = now;
        matter.Revision++;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("matters.matter.published", "matter", matter.Id.ToString(), actor, new { version = number }, ct: ct);
        return MatterDrafts.ToItem(matter);
    }
}
