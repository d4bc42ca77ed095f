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

/// <summary>POST /api/catalog/entries: a unit drafts a new catalog entry of its own (provider = the actor's unit).</summary>
internal static class CreateEntry
{
    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/entries", EndpointAsync)
        .RequirePermission(CatalogPermissions.EntriesEdit)
        .WithName("CreateCatalogEntry").WithSummary("新建目录草稿 / Draft a catalog entry")
        .Produces<EntryDetail>(StatusCodes.Status201Created).ProducesValidationProblem();

    private static async Task<IResult> EndpointAsync(EntryInput request, HttpContext ctx, ActorAccessor actors, CatalogDbContext db,
        IOrganisationDirectory directory, TimeProvider clock, CatalogAudit audit) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), request, db, directory, clock, audit, ctx.RequestAborted),
            e => $"/api/catalog/entries/{e.Id}");

    internal static async Task<Result<EntryDetail>> HandleAsync(Actor actor, EntryInput request, CatalogDbContext db,
        IOrganisationDirectory directory, TimeProvider clock, CatalogAudit audit, CancellationToken ct, string? baseItemCode = null)
    {
        if (Outcomes.Lacks(actor, CatalogPermissions.EntriesEdit) is { } denied) return Outcomes.Denied<EntryDetail>(denied);
        var unit = await EntryAccess.UnitOfAsync(actor, directory, ct);
        if (unit is null)
            return Outcomes.Forbidden<EntryDetail>("catalog.no_unit", "只有代表某一单位的工作人员才能编制目录", "Only an official acting for a unit can draft catalog entries");
        var now = clock.GetUtcNow();
        var version = new EntryVersion { Number = 1, ProviderUnitId = unit.Id, ProviderName = unit.Name, ProviderDivisionCode = unit.DivisionCode, CreatedAt = now };
        var v = await EntryInputRules.ApplyAsync(request, version, db, ct);
        if (!v.IsValid) return v.Invalid<EntryDetail>();
        var entry = new CatalogEntry
        {
            Code = await EntryCodes.NextAsync(db, version.Category, unit.DivisionCode, ct),
            ProviderUnitId = unit.Id, ProviderName = unit.Name, ProviderCode = unit.CreditCode, ProviderDivisionCode = unit.DivisionCode,
            BaseItemCode = baseItemCode, WorkingNumber = 1, CreatedAt = now, UpdatedAt = now,
        };
        version.EntryId = entry.Id;
        version.Code = entry.Code;
        EntryInputRules.Regrade(version);
        entry.Versions.Add(version);
        db.Entries.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The code's sequence number or the (unit, base item) claim was taken concurrently; the unique index won.
            return Outcomes.Conflict<EntryDetail>("entry.code_taken", "目录编码或认领冲突，请重试", "A concurrent entry took the code or the claim; retry");
        }
        await audit.WriteAsync("catalog.entries.created", "catalog_entry", entry.Id.ToString(), actor,
            new { entry.Code, version.Name, grade = version.Grade.ToString(), baseItemCode }, ct);
        return EntryViews.ToDetail(entry, true, true, false);
    }
}
