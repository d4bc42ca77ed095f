using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Auditing;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Elements;
using Qilu.Catalog.Entries;
using Qilu.Catalog.UseCases;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Resources;

/// <summary>
/// POST /api/catalog/entries/{entryId}/resources/table: mounts a 库表 on the own unit's entry (published, or the
/// draft being written). Columns are the entry's information items (all, or the ones named); personal columns (ID
/// numbers, phone numbers, anything graded L3 or above) are encrypted at rest.
/// </summary>
internal static class MountTable
{
    public sealed record Request(string? Name, IReadOnlyList<string>? Fields, string? KeyField, string? DivisionField);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/entries/{entryId:guid}/resources/table", EndpointAsync)
        .RequirePermission(CatalogPermissions.ResourcesManage)
        .WithName("MountCatalogTable").WithSummary("挂接库表 / Mount a table").Produces<ResourceView>(201).ProducesValidationProblem();

    private static async Task<IResult> EndpointAsync(Guid entryId, Request request, HttpContext ctx, ActorAccessor actors, CatalogDbContext db,
        TimeProvider clock, CatalogAudit audit) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), entryId, request, db, clock, audit, ctx.RequestAborted), r => $"/api/catalog/resources/{r.Id}");

    internal static async Task<Result<ResourceView>> HandleAsync(Actor actor, Guid entryId, Request request, CatalogDbContext db, TimeProvider clock,
        CatalogAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, CatalogPermissions.ResourcesManage) is { } denied) return Outcomes.Denied<ResourceView>(denied);
        var entry = await EntryAccess.FindEditableAsync(db, actor, entryId, ct);
        if (entry is null) return Outcomes.NotFound<ResourceView>("目录", "Catalog entry");
        var version = entry.Published ?? entry.Working;
        if (version is null) return Outcomes.NotFound<ResourceView>("目录", "Catalog entry");
        var v = new Validation();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200) v.Add("name", "resource.name_required", "资源名称必填（不超过200字）", "A resource name is required (at most 200 characters)");
        var items = version.Items.OrderBy(i => i.Seq).ToList();
        if (request.Fields is { Count: > 0 } fields)
        {
            foreach (var f in fields.Where(f => items.All(i => i.Name != f)))
                v.Add("fields", "resource.field_unknown", $"信息项“{f}”不在目录中", $"'{f}' is not a field of the entry");
            items = [.. items.Where(i => fields.Contains(i.Name))];
        }
        if (items.Count == 0) v.Add("fields", "resource.no_fields", "库表至少需要一个信息项", "A table needs at least one field");
        var identifiers = items.Select(i => i.ElementIdentifier).Distinct().ToList();
        var elements = await db.Elements.AsNoTracking().Where(e => identifiers.Contains(e.Identifier)).ToDictionaryAsync(e => e.Identifier, ct);
        var key = items.FirstOrDefault(i => i.Name == request.KeyField);
        if (key is null) v.Add("keyField", "resource.key_required", "须指定主键信息项（如公民身份号码、统一社会信用代码）", "Choose the key field (e.g. ID number, credit code)");
        InformationItem? division = null;
        if (!string.IsNullOrWhiteSpace(request.DivisionField))
        {
            division = items.FirstOrDefault(i => i.Name == request.DivisionField);
            if (division is null || elements.GetValueOrDefault(division.ElementIdentifier)?.Format != ElementFormats.DivisionCode)
                v.Add("divisionField", "resource.division_field", "区划字段须是绑定“行政区划代码”格式数据元的信息项", "The division field must be bound to a division-code element");
            else if (division == key)
                v.Add("divisionField", "resource.division_is_key", "区划字段不能同时是主键", "The division field cannot be the key");
        }
        if (!v.IsValid) return v.Invalid<ResourceView>();
        var columns = items.Select(i =>
        {
            var format = elements.GetValueOrDefault(i.ElementIdentifier)?.Format;
            // The division column stays plaintext: it carries row scope and is public administrative data (L1).
            var encrypted = i != division && (format is ElementFormats.IdNumber or ElementFormats.Phone || i.Grade >= DataGrade.L3);
            var freeText = format == ElementFormats.Text && (elements.GetValueOrDefault(i.ElementIdentifier)?.MaxLength ?? 1000) > 50;
            return new TableColumn(i.Name, i.ElementIdentifier, i.Grade, encrypted, encrypted && !freeText);
        }).ToList();
        var now = clock.GetUtcNow();
        var resource = new MountedResource
        {
            EntryId = entry.Id, ProviderUnitId = entry.ProviderUnitId, ProviderDivisionCode = entry.ProviderDivisionCode, Kind = ResourceKind.Table,
            Name = name!, KeyField = key!.Name, DivisionField = division?.Name, CreatedAt = now, CreatedBy = actor.SubjectId,
        };
        resource.SetColumns(columns);
        db.Resources.Add(resource);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("catalog.resources.mounted", "catalog_resource", resource.Id.ToString(), actor,
            new { kind = "table", entry = entry.Code, resource.Name, key = resource.KeyField, encrypted = columns.Where(c => c.Encrypted).Select(c => c.Field) }, ct);
        return ResourceView.Of(resource, true);
    }
}
