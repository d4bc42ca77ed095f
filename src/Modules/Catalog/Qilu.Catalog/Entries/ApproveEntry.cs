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

/// <summary>
/// POST /api/catalog/entries/{id}/approve: the big-data bureau of an enclosing division approves a submitted version,
/// which publishes it (the previous published version is superseded) and records <see cref="CatalogEntryPublished"/>.
/// The grading rules are checked again; nobody approves their own submission.
/// </summary>
internal static class ApproveEntry
{
    public sealed record Request(uint Version, string? Comment);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/entries/{id:guid}/approve", EndpointAsync)
        .RequirePermission(CatalogPermissions.EntriesReview)
        .WithName("ApproveCatalogEntry").WithSummary("审核通过并发布 / Approve and publish").Produces<EntryDetail>();

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, CatalogDbContext db,
        IOrganisationDirectory directory, TimeProvider clock, CatalogAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, request, db, directory, clock, audit, ctx.RequestAborted));

    internal static async Task<Result<EntryDetail>> HandleAsync(Actor actor, Guid id, Request request, CatalogDbContext db,
        IOrganisationDirectory directory, TimeProvider clock, CatalogAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, CatalogPermissions.EntriesReview) is { } denied) return Outcomes.Denied<EntryDetail>(denied);
        var unit = await EntryAccess.UnitOfAsync(actor, directory, ct);
        var entry = await EntryAccess.FindReviewableAsync(db, actor, unit, id, ct);
        if (entry is null) return Outcomes.NotFound<EntryDetail>("目录", "Catalog entry");
        if (entry.Version != request.Version) return Outcomes.Stale<EntryDetail>(request.Version, entry.Version);
        if (entry.Working is { Status: EntryStatus.Submitted } w)
        {
            if (w.SubmittedBy == actor.SubjectId)
                return Outcomes.Forbidden<EntryDetail>("review.own_submission", "不能审核自己提交的目录", "You cannot review your own submission");
            if (PublicationCheck.Errors(w) is { Count: > 0 } errors) return Result<EntryDetail>.Failure(errors, ErrorKind.Validation);
        }
        var now = clock.GetUtcNow();
        var approved = entry.Approve(actor.SubjectId, request.Comment, now);
        if (!approved.IsSuccess) return Result<EntryDetail>.Failure(approved.Errors, approved.Kind);
        var p = approved.Value;
        Search.SearchDoc.Sync(db, entry, await db.SearchDocs.FindAsync([entry.Id], ct));
        CatalogOutbox.Add(db, new CatalogEntryPublished(entry.Id, entry.Code, p.Number, entry.ProviderUnitId, p.Grade, p.ShareType, now) { OccurredAt = now }, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcomes.Stale<EntryDetail>(request.Version, request.Version + 1);
        }
        await audit.WriteAsync("catalog.entries.approved", "catalog_entry", entry.Id.ToString(), actor,
            new { entry.Code, version = p.Number, grade = p.Grade.ToString(), request.Comment }, ct);
        return EntryViews.ToDetail(entry, true, EntryAccess.CanEdit(actor, entry), true);
    }
}
