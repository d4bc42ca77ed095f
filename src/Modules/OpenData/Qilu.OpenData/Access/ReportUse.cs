using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.OpenData.Data;
using Qilu.OpenData.UseCases;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.OpenData.Access;

/// <summary>POST /api/opendata/applications/{id}/reports: the approved applicant reports what the data was used for (成果).</summary>
internal static class ReportUse
{
    public sealed record Request(string? Title, string? Description, string? Link);

    public sealed record Response(Guid Id, Guid ApplicationId, string Title, DateTimeOffset ReportedAt);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/applications/{id:guid}/reports", EndpointAsync)
        .RequireAuthorization().WithName("ReportOpenDataUse").WithSummary("报告数据使用成果 / Report use").Produces<Response>(201);

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, OpenDataDbContext db,
        TimeProvider clock, OpenDataAudit audit) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), id, request, db, clock, audit, ctx.RequestAborted), r => $"/api/opendata/applications/{r.ApplicationId}");

    internal static async Task<Result<Response>> HandleAsync(Actor actor, Guid id, Request request, OpenDataDbContext db, TimeProvider clock,
        OpenDataAudit audit, CancellationToken ct)
    {
        var app = await db.Applications.FirstOrDefaultAsync(a => a.Id == id && a.ApplicantId == actor.SubjectId, ct);
        if (app is null || !actor.IsAuthenticated) return Outcomes.NotFound<Response>("申请", "Application");
        if (app.Status != ApplicationStatus.Approved)
            return Outcomes.Conflict<Response>("opendata.report.not_approved", "只有获批的申请需要报告使用成果", "Only approved applications report use");
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 200)
            return Outcomes.Invalid<Response>("opendata.report.title", "成果名称不能为空（不超过200字）", "Title is required (at most 200 characters)", "title");
        if (string.IsNullOrWhiteSpace(request.Description) || request.Description.Length > 2000)
            return Outcomes.Invalid<Response>("opendata.report.description", "请描述使用成果（不超过2000字）", "Describe the outcome (at most 2000 characters)", "description");
        if (request.Link is { Length: > 0 } link && (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || link.Length > 500))
            return Outcomes.Invalid<Response>("opendata.report.link", "链接须为 http(s) 地址", "Link must be an http(s) URL", "link");
        var report = new UsageReport { ApplicationId = app.Id, Title = request.Title.Trim(), Description = request.Description.Trim(), Link = request.Link, ReportedAt = clock.GetUtcNow() };
        db.Reports.Add(report);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("opendata.applications.reported", "application", app.Id.ToString(), actor, new { report.Title }, ct);
        return new Response(report.Id, app.Id, report.Title, report.ReportedAt);
    }
}
