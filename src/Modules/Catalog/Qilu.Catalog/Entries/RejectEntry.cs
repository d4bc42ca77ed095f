using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Auditing;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Entries;

/// <summary>POST /api/catalog/entries/{id}/reject: the big-data bureau returns a submitted version with a mandatory reason.</summary>
internal static class RejectEntry
{
    public sealed record Request(uint Version, string? Reason);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/entries/{id:guid}/reject", EndpointAsync)
        .RequirePermission(CatalogPermissions.EntriesReview)
        .WithName("RejectCatalogEntry").WithSummary("驳回 / Reject").Produces<EntryDetail>().ProducesValidationProblem();

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, CatalogDbContext db,
        IOrganisationDirectory directory, TimeProvider clock, CatalogAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, request, db, directory, clock, audit, ctx.RequestAborted));

    internal static async Task<Result<EntryDetail>> HandleAsync(Actor actor, Guid id, Request request, CatalogDbContext db,
        IOrganisationDirectory directory, TimeProvider clock, CatalogAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, CatalogPermissions.EntriesReview) is { } denied) return Outcomes.Denied<EntryDetail>(denied);
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 1000)
            return Outcomes.Invalid<EntryDetail>("review.reason_required", "驳回须写明理由（不超过1000字）", "A rejection needs a reason (at most 1000 characters)", "reason");
        var unit = await EntryAccess.UnitOfAsync(actor, directory, ct);
        var entry = await EntryAccess.FindReviewableAsync(db, actor, unit, id, ct);
        if (entry is null) return Outcomes.NotFound<EntryDetail>("目录", "Catalog entry");
        if (entry.Version != request.Version) return Outcomes.Stale<EntryDetail>(request.Version, entry.Version);
        if (entry.Working is { Status: EntryStatus.Submitted, SubmittedBy: var by } && by == actor.SubjectId)
            return Outcomes.Forbidden<EntryDetail>("review.own_submission", "不能审核自己提交的目录", "You cannot review your own submission");
        var rejected = entry.Reject(actor.SubjectId, request.Reason.Trim(), clock.GetUtcNow());
        if (!rejected.IsSuccess) return Result<EntryDetail>.Failure(rejected.Errors, rejected.Kind);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcomes.Stale<EntryDetail>(request.Version, request.Version + 1);
        }
        await audit.WriteAsync("catalog.entries.rejected", "catalog_entry", entry.Id.ToString(), actor,
            new { entry.Code, version = rejected.Value.Number, reason = request.Reason }, ct);
        return EntryViews.ToDetail(entry, true, EntryAccess.CanEdit(actor, entry), true);
    }
}
