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
/// POST /api/catalog/entries/{id}/withdraw: 下线 a published entry, by its own unit or by the reviewing big-data bureau,
/// with a reason; records <see cref="CatalogEntryWithdrawn"/> so that grants on it can stop.
/// </summary>
internal static class WithdrawEntry
{
    public sealed record Request(uint Version, string? Reason);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/entries/{id:guid}/withdraw", EndpointAsync)
        .RequirePermission(CatalogPermissions.EntriesRead)
        .WithName("WithdrawCatalogEntry").WithSummary("下线 / Withdraw").Produces<EntryDetail>().ProducesValidationProblem();

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, CatalogDbContext db,
        IOrganisationDirectory directory, TimeProvider clock, CatalogAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, request, db, directory, clock, audit, ctx.RequestAborted));

    internal static async Task<Result<EntryDetail>> HandleAsync(Actor actor, Guid id, Request request, CatalogDbContext db,
        IOrganisationDirectory directory, TimeProvider clock, CatalogAudit audit, CancellationToken ct)
    {
        if (!actor.Has(CatalogPermissions.EntriesEdit) && !actor.Has(CatalogPermissions.EntriesReview))
            return Outcomes.Denied<EntryDetail>(Outcomes.Lacks(actor, CatalogPermissions.EntriesEdit)!);
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 1000)
            return Outcomes.Invalid<EntryDetail>("withdraw.reason_required", "下线须写明理由（不超过1000字）", "Withdrawal needs a reason (at most 1000 characters)", "reason");
        var unit = await EntryAccess.UnitOfAsync(actor, directory, ct);
        var entry = (actor.Has(CatalogPermissions.EntriesEdit) ? await EntryAccess.FindEditableAsync(db, actor, id, ct) : null)
            ?? (actor.Has(CatalogPermissions.EntriesReview) ? await EntryAccess.FindReviewableAsync(db, actor, unit, id, ct) : null);
        if (entry is null) return Outcomes.NotFound<EntryDetail>("目录", "Catalog entry");
        if (entry.Version != request.Version) return Outcomes.Stale<EntryDetail>(request.Version, entry.Version);
        var now = clock.GetUtcNow();
        var withdrawn = entry.Withdraw(request.Reason.Trim(), now);
        if (!withdrawn.IsSuccess) return Result<EntryDetail>.Failure(withdrawn.Errors, withdrawn.Kind);
        Search.SearchDoc.Sync(db, entry, await db.SearchDocs.FindAsync([entry.Id], ct));
        CatalogOutbox.Add(db, new CatalogEntryWithdrawn(entry.Id, entry.Code, request.Reason.Trim(), now) { OccurredAt = now }, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcomes.Stale<EntryDetail>(request.Version, request.Version + 1);
        }
        await audit.WriteAsync("catalog.entries.withdrawn", "catalog_entry", entry.Id.ToString(), actor, new { entry.Code, reason = request.Reason }, ct);
        return EntryViews.ToDetail(entry, true, EntryAccess.CanEdit(actor, entry), EntryAccess.CanReview(actor, unit, entry));
    }
}
