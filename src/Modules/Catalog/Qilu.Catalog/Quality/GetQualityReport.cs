using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Elements;
using Qilu.Catalog.Entries;
using Qilu.Catalog.Resources;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.Platform.Cryptography.Fields;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Quality;

/// <summary>
/// GET /api/catalog/resources/{id}/quality: the quality report of a table (its unit and the overseeing bureau):
/// completeness per field, validity per element (re-checked against the element's current rules, plus the latest
/// import's rejections), timeliness against the entry's 更新周期, duplicate keys. Computed by one pass over the rows.
/// </summary>
internal static class GetQualityReport
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/resources/{id:guid}/quality", async (Guid id, HttpContext ctx, ActorAccessor actors,
            CatalogDbContext db, IOrganisationDirectory directory, IFieldProtector protector, TimeProvider clock) =>
            Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, db, directory, protector, clock, ctx.RequestAborted)))
        .RequirePermission(CatalogPermissions.EntriesRead).WithName("GetCatalogQualityReport").WithSummary("质量报告 / Quality report").Produces<QualityReport>();

    internal static async Task<Result<QualityReport>> HandleAsync(Actor actor, Guid id, CatalogDbContext db, IOrganisationDirectory directory,
        IFieldProtector protector, TimeProvider clock, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, CatalogPermissions.EntriesRead) is { } denied) return Outcomes.Denied<QualityReport>(denied);
        var unit = await EntryAccess.UnitOfAsync(actor, directory, ct);
        var resource = await ResourceAccess.ManagedOrOverseenAsync(db, actor, unit, id, false, ct);
        if (resource is not { Kind: ResourceKind.Table }) return Outcomes.NotFound<QualityReport>("库表资源", "Table resource");
        var codec = new RowCodec(resource, protector);
        var columns = codec.Columns;
        var ids = columns.Select(c => c.ElementIdentifier).Distinct().ToList();
        var elements = (await db.Elements.AsNoTracking().Where(e => ids.Contains(e.Identifier)).ToListAsync(ct)).ToDictionary(e => e.Identifier, e => e.ToInfo());
        var validator = new ElementValueValidator(null, clock);
        var filled = new long[columns.Count];
        var invalid = new long[columns.Count];
        long rows = 0;
        var store = new RowStore(db);
        await store.OpenAsync(ct);
        await using (var c = store.Command($"SELECT \"Payload\", \"Secret\" FROM {store.Rows} WHERE \"ResourceId\" = @r"))
        {
            RowStore.Add(c, "@r", store.Id(id));
            await using var r = await c.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                rows++;
                var values = codec.Decode(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), null);
                for (var i = 0; i < columns.Count; i++)
                {
                    if (!values.TryGetValue(columns[i].Field, out var v) || v is null) continue;
                    filled[i]++;
                    if (elements.TryGetValue(columns[i].ElementIdentifier, out var e) && !validator.Validate(e, v).IsSuccess) invalid[i]++;
                }
            }
        }
        var last = await db.Imports.AsNoTracking().Where(i => i.ResourceId == id && i.Status == Resources.Import.ImportStatus.Succeeded)
            .OrderByDescending(i => i.FinishedAt).FirstOrDefaultAsync(ct);
        var rejectedByField = last is null ? [] : await db.ImportRejections.AsNoTracking().Where(x => x.ImportId == last.Id)
            .GroupBy(x => x.Field).Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var fields = columns.Select((col, i) =>
        {
            var rejected = rejectedByField.GetValueOrDefault(col.Field);
            var checkedValues = filled[i] + rejected;
            return new FieldQuality(col.Field, col.ElementIdentifier, elements.GetValueOrDefault(col.ElementIdentifier)?.NameZh ?? col.ElementIdentifier,
                filled[i], rows == 0 ? 0 : (double)filled[i] / rows, invalid[i], rejected,
                checkedValues == 0 ? 1 : (double)(filled[i] - invalid[i]) / checkedValues, col.Encrypted);
        }).ToList();
        var entry = await EntryAccess.WithVersions(db).AsNoTracking().AsSplitQuery().FirstAsync(e => e.Id == resource.EntryId, ct);
        var cycle = (entry.Published ?? entry.Working ?? entry.Versions.OrderByDescending(v => v.Number).First()).UpdateCycle;
        var now = clock.GetUtcNow();
        var days = Timeliness.DaysOf(cycle);
        DateTimeOffset? due = resource.UpdatedAt is { } u && days is { } d ? u.AddDays(d) : null;
        var timely = days is null ? (bool?)null : due is { } dd && now <= dd;
        var overdue = due is { } x && now > x ? (int)(now - x).TotalDays : 0;
        var cells = (double)rows * columns.Count;
        var allChecked = filled.Sum() + rejectedByField.Values.Sum();
        return new QualityReport(id, rows, fields, new Timeliness(cycle, days, resource.UpdatedAt, due, timely, overdue), resource.LastDuplicateKeys,
            last?.Rejected ?? 0, cells == 0 ? 0 : filled.Sum() / cells, allChecked == 0 ? 1 : (double)(filled.Sum() - invalid.Sum()) / allChecked, now);
    }
}
