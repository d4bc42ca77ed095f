using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.OpenData.Contracts;
using Qilu.OpenData.Data;
using Qilu.OpenData.UseCases;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.OpenData.Access;

/// <summary>
/// POST /api/opendata/applications/{id}/decision: the providing unit approves (with the usage terms and validity) or
/// refuses with a reason. A decision after the deadline is still recorded and flagged as late. Approval issues no key
/// here: the applicant takes it (<see cref="IssueApiKey"/>), so that the provider never holds the applicant's secret.
/// </summary>
internal static class DecideApplication
{
    public sealed record Request(uint Version, bool Approve, string? Reason, string? Terms, int? ValidDays);

    public sealed record Response(Guid Id, ApplicationStatus Status, string? Terms, DateTimeOffset? ValidUntil, bool Late, uint Version);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/applications/{id:guid}/decision", EndpointAsync)
        .RequirePermission(OpenDataPermissions.Respond).WithName("DecideOpenDataApplication").WithSummary("审核申请 / Decide an application").Produces<Response>();

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, OpenDataDbContext db,
        TimeProvider clock, OpenDataAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, request, db, clock, audit, ctx.RequestAborted));

    internal static async Task<Result<Response>> HandleAsync(Actor actor, Guid id, Request request, OpenDataDbContext db, TimeProvider clock,
        OpenDataAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, OpenDataPermissions.Respond) is { } lacks) return Outcomes.Denied<Response>(lacks);
        var app = await db.Applications.FirstOrDefaultAsync(a => a.Id == id && a.ProviderUnitId == actor.DepartmentId, ct);
        if (app is null) return Outcomes.NotFound<Response>("申请", "Application");
        if (app.Version != request.Version) return Outcomes.Stale<Response>(request.Version, app.Version);
        if (app.Status != ApplicationStatus.Pending)
            return Outcomes.Conflict<Response>("opendata.decision.done", "该申请已处理", "This application was already decided");
        var reason = request.Reason?.Trim();
        if (!request.Approve && (string.IsNullOrEmpty(reason) || reason.Length > 1000))
            return Outcomes.Invalid<Response>("opendata.decision.reason", "不予通过须说明理由（不超过1000字）", "A refusal needs a reason (at most 1000 characters)", "reason");
        if (request.Approve && (string.IsNullOrWhiteSpace(request.Terms) || request.Terms.Length > 2000))
            return Outcomes.Invalid<Response>("opendata.decision.terms", "批准须写明使用条款（不超过2000字）", "Approval needs usage terms (at most 2000 characters)", "terms");
        if (request.ValidDays is < 1 or > 1095)
            return Outcomes.Invalid<Response>("opendata.decision.valid_days", "有效期为1–1095天", "Validity is 1–1095 days", "validDays");
        var now = clock.GetUtcNow();
        var late = now > app.DueAt;
        app.DecidedAt = now;
        app.DecidedBy = actor.DisplayName;
        app.Reason = reason;
        if (request.Approve)
        {
            app.Status = ApplicationStatus.Approved;
            app.Terms = request.Terms!.Trim();
            app.ValidUntil = now.AddDays(request.ValidDays ?? 365);
        }
        else app.Status = ApplicationStatus.Refused;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcomes.Stale<Response>(request.Version, request.Version + 1);
        }
        await audit.WriteAsync("opendata.applications." + (request.Approve ? "approved" : "refused"), "application", app.Id.ToString(), actor,
            new { app.Reason, late, app.ValidUntil }, ct);
        return new Response(app.Id, app.Status, app.Terms, app.ValidUntil, late, app.Version);
    }
}
