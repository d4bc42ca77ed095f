using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Auditing;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Entries;
using Qilu.Catalog.Resources;
using Qilu.Catalog.UseCases;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.Platform.Cryptography.Fields;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.SharedKernel.Time;

namespace Qilu.Catalog.Quality;

/// <summary>
/// POST /api/catalog/resources/{id}/objections: a 数据异议 by another unit (kind <c>objection</c>, any unit that can
/// see the published entry) or a quality issue by the overseeing big-data bureau (kind <c>quality</c>). Either becomes
/// a task of the source unit, due in <see cref="ObjectionDays"/> / <see cref="QualityDays"/> working days.
/// </summary>
internal static class RaiseObjection
{
    /// <summary>Working days the source unit has to answer an objection (核实反馈).</summary>
    public const int ObjectionDays = 5;

    /// <summary>Working days to answer a quality issue (整改).</summary>
    public const int QualityDays = 10;

    public sealed record Request(string? Kind, string? Field, string? RowKey, string? Description);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/resources/{id:guid}/objections", async (Guid id, Request request, HttpContext ctx,
            ActorAccessor actors, CatalogDbContext db, IOrganisationDirectory directory, IFieldProtector protector, TimeProvider clock, IWorkingCalendarSource calendars,
            CatalogAudit audit) =>
            Outcomes.Created(await HandleAsync(actors.FromContext(ctx), id, request, db, directory, protector, clock, calendars.Current, audit, ctx.RequestAborted), o => $"/api/catalog/objections/{o.Id}"))
        .RequirePermission(CatalogPermissions.EntriesRead).WithName("RaiseCatalogObjection").WithSummary("提出数据异议或质量问题 / Raise an objection or quality issue")
        .Produces<ObjectionView>(201).ProducesValidationProblem();

    internal static async Task<Result<ObjectionView>> HandleAsync(Actor actor, Guid id, Request request, CatalogDbContext db, IOrganisationDirectory directory,
        IFieldProtector protector, TimeProvider clock, WorkingCalendar calendar, CatalogAudit audit, CancellationToken ct)
    {
        var kind = request.Kind ?? ObjectionKinds.Objection;
        if (kind is not (ObjectionKinds.Objection or ObjectionKinds.QualityIssue))
            return Outcomes.Invalid<ObjectionView>("objection.kind", "类型须为 objection（数据异议）或 quality（质量问题）", "Kind must be objection or quality", "kind");
        var unit = await EntryAccess.UnitOfAsync(actor, directory, ct);
        if (unit is null) return Outcomes.Forbidden<ObjectionView>("objection.no_unit", "须以所在单位身份提出", "You must act for a unit");
        var resource = await db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (resource is null) return Outcomes.NotFound<ObjectionView>("资源", "Resource");
        if (kind == ObjectionKinds.Objection)
        {
            if (Outcomes.Lacks(actor, CatalogPermissions.ObjectionsRaise) is { } denied) return Outcomes.Denied<ObjectionView>(denied);
            var entry = await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == resource.EntryId, ct);
            if (entry?.PublishedNumber is null) return Outcomes.NotFound<ObjectionView>("资源", "Resource");
            if (unit.Id == resource.ProviderUnitId)
                return Outcomes.Invalid<ObjectionView>("objection.own_resource", "本单位的数据请直接更正，无需提出异议", "Correct your own unit's data directly instead of objecting", "id");
        }
        else if (!ResourceAccess.CanOversee(actor, unit, resource.ProviderDivisionCode))
            return Outcomes.NotFound<ObjectionView>("资源", "Resource");
        var v = new Validation();
        var description = request.Description?.Trim();
        if (string.IsNullOrEmpty(description) || description.Length > 2000)
            v.Add("description", "objection.description_required", "须说明异议内容（不超过2000字）", "Describe the problem (at most 2000 characters)");
        if (request.Field is not null && resource.Columns.All(c => c.Field != request.Field))
            v.Add("field", "objection.field_unknown", $"字段“{request.Field}”不在该资源中", $"'{request.Field}' is not a field of the resource");
        if (request.RowKey is { Length: > 256 }) v.Add("rowKey", "objection.row_key", "数据行主键过长", "The row key is too long");
        if (!v.IsValid) return v.Invalid<ObjectionView>();
        var now = clock.GetUtcNow();
        var objection = new DataObjection
        {
            Kind = kind, ResourceId = resource.Id, EntryId = resource.EntryId, ResourceName = resource.Name, SourceUnitId = resource.ProviderUnitId,
            SourceDivisionCode = resource.ProviderDivisionCode, RaisedByUnitId = unit.Id, RaisedByUnitName = unit.Name, RaisedByDivisionCode = unit.DivisionCode,
            RaisedBy = actor.SubjectId, Field = request.Field, RowKeySealed = string.IsNullOrWhiteSpace(request.RowKey) ? null : protector.Protect(request.RowKey.Trim()),
            Description = description!, CreatedAt = now,
            DueAt = calendar.DeadlineAfterWorkingDays(now, kind == ObjectionKinds.Objection ? ObjectionDays : QualityDays),
        };
        db.Objections.Add(objection);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("catalog.objections.raised", "catalog_objection", objection.Id.ToString(), actor,
            new { kind, resource = resource.Id, objection.Field, due = objection.DueAt }, ct);
        return ObjectionView.Of(objection, protector, now, actor.DepartmentId);
    }
}
