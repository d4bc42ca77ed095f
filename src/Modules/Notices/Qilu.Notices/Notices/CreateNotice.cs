using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Identity.Contracts;
using Qilu.Notices.Auditing;
using Qilu.Notices.Contracts;
using Qilu.Notices.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Notices.Notices;

/// <summary>POST /api/notices: a draft notice of the caller's unit (its name and division come from the directory).</summary>
internal static class CreateNotice
{
    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/", EndpointAsync)
        .RequirePermission(NoticesPermissions.Publish)
        .WithName("CreateNotice").WithSummary("新建通知公告草稿 / Draft a notice").Produces<NoticeViews.Detail>(StatusCodes.Status201Created);

    private static async Task<IResult> EndpointAsync(NoticeInput request, HttpContext ctx, ActorAccessor actors, NoticesDbContext db, IOrganisationDirectory directory, TimeProvider clock, NoticesAudit audit) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), request, db, directory, clock, audit, ctx.RequestAborted), n => $"/api/notices/{n.Id}");

    internal static async Task<Result<NoticeViews.Detail>> HandleAsync(Actor actor, NoticeInput request, NoticesDbContext db, IOrganisationDirectory directory, TimeProvider clock, NoticesAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, NoticesPermissions.Publish) is { } denied) return Outcomes.Denied<NoticeViews.Detail>(denied);
        var unit = actor.DepartmentId is { } unitId ? await directory.FindUnitAsync(unitId, ct) : null;
        if (unit is null)
            return Outcomes.Forbidden<NoticeViews.Detail>("scope.no_unit", "您的账号未关联单位，不能发布通知公告", "Your account acts for no unit, so it cannot publish notices");
        var now = clock.GetUtcNow();
        var v = request.Check(now);
        if (!v.IsValid) return v.Invalid<NoticeViews.Detail>();
        var notice = new Notice
        {
            Id = Guid.CreateVersion7(),
            Status = NoticeStatus.Draft,
            UnitId = unit.Id,
            UnitName = unit.Name,
            DivisionCode = unit.DivisionCode,
            CreatedBy = actor.SubjectId,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        request.ApplyTo(notice);
        db.Notices.Add(notice);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("notices.notice.created", "notice", notice.Id.ToString(), actor,
            new { notice.Title, notice.Category, audience = notice.IsPublic ? "public" : "internal" }, ct: ct);
        return NoticeViews.ToDetail(notice, canEdit: true, now, []);
    }
}
