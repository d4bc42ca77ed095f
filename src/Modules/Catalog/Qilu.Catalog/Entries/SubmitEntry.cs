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
/// POST /api/catalog/entries/{id}/submit: the unit sends its draft to the big-data bureau. Refused (400, naming the
/// field and the rule) when the grade forbids the share type or open attribute, or the grading is not recorded.
/// </summary>
internal static class SubmitEntry
{
    public sealed record Request(uint Version);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/entries/{id:guid}/submit", EndpointAsync)
        .RequirePermission(CatalogPermissions.EntriesEdit)
        .WithName("SubmitCatalogEntry").WithSummary("提交审核 / Submit for review").Produces<EntryDetail>().ProducesValidationProblem();

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
        if (entry.Working is { } w && PublicationCheck.Errors(w) is { Count: > 0 } errors)
            return Result<EntryDetail>.Failure(errors, ErrorKind.Validation);
        var submitted = entry.Submit(actor.SubjectId, clock.GetUtcNow());
        if (!submitted.IsSuccess) return Result<EntryDetail>.Failure(submitted.Errors, submitted.Kind);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcomes.Stale<EntryDetail>(request.Version, request.Version + 1);
        }
        await audit.WriteAsync("catalog.entries.submitted", "catalog_entry", entry.Id.ToString(), actor, new { entry.Code, version = submitted.Value.Number }, ct);
        return EntryViews.ToDetail(entry, true, true, false);
    }
}
