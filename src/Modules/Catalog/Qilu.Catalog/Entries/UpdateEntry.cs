using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Auditing;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Entries;

/// <summary>
/// PUT /api/catalog/entries/{id}: the providing unit edits its entry. A draft or rejected version is edited in place;
/// a published entry gets a new draft version (readers keep seeing the published one until the new one is approved).
/// </summary>
internal static class UpdateEntry
{
    public sealed record Request(uint Version, EntryInput Entry);

    public static void Map(IEndpointRouteBuilder api) => api.MapPut("/entries/{id:guid}", EndpointAsync)
        .RequirePermission(CatalogPermissions.EntriesEdit)
        .WithName("UpdateCatalogEntry").WithSummary("修改目录 / Edit a catalog entry").Produces<EntryDetail>().ProducesValidationProblem();

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, CatalogDbContext db,
        TimeProvider clock, CatalogAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, request, db, clock, audit, ctx.RequestAborted));

    internal static async Task<Result<EntryDetail>> HandleAsync(Actor actor, Guid id, Request request, CatalogDbContext db,
        TimeProvider clock, CatalogAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, CatalogPermissions.EntriesEdit) is { } denied) return Outcomes.Denied<EntryDetail>(denied);
        var entry = await EntryAccess.FindEditableAsync(db, actor, id, ct);
        if (entry is null) return Outcomes.NotFound<EntryDetail>("目录", "Catalog entry");
        if (entry.Version != request.Version) return Outcomes.Stale<EntryDetail>(request.Version, entry.Version);
        var now = clock.GetUtcNow();
        var opened = entry.OpenForEdit(now);
        if (!opened.IsSuccess) return Result<EntryDetail>.Failure(opened.Errors, opened.Kind);
        var v = await EntryInputRules.ApplyAsync(request.Entry, opened.Value, db, ct);
        if (!v.IsValid) return v.Invalid<EntryDetail>();
        entry.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcomes.Stale<EntryDetail>(request.Version, request.Version + 1);
        }
        await audit.WriteAsync("catalog.entries.updated", "catalog_entry", entry.Id.ToString(), actor,
            new { entry.Code, version = opened.Value.Number, grade = opened.Value.Grade.ToString() }, ct);
        return EntryViews.ToDetail(entry, true, true, false);
    }
}
