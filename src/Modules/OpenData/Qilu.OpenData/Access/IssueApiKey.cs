using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.OpenData.Data;
using Qilu.OpenData.Rows;
using Qilu.OpenData.UseCases;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.OpenData.Access;

/// <summary>
/// POST /api/opendata/applications/{id}/key: the applicant of an approved, unexpired application takes its API key.
/// The key is returned this once and only its SM3 hash is kept; taking a key again replaces the previous one (a lost
/// or leaked key is revoked by taking a new one).
/// </summary>
internal static class IssueApiKey
{
    public sealed record Request(uint Version);

    public sealed record Response(Guid Id, string ApiKey, string KeyPrefix, bool Replaced, DateTimeOffset? ValidUntil, uint Version);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/applications/{id:guid}/key", EndpointAsync)
        .RequireAuthorization().WithName("IssueOpenDataApiKey").WithSummary("领取 API Key / Take the API key").Produces<Response>();

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, OpenDataDbContext db,
        TimeProvider clock, OpenDataAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, request, db, clock, audit, ctx.RequestAborted));

    internal static async Task<Result<Response>> HandleAsync(Actor actor, Guid id, Request request, OpenDataDbContext db, TimeProvider clock,
        OpenDataAudit audit, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Outcomes.Forbidden<Response>("opendata.sign_in", "请先登录", "Sign in first");
        // Someone else's application answers 404, not 403: its existence is not the caller's business.
        var app = await db.Applications.FirstOrDefaultAsync(a => a.Id == id && a.ApplicantId == actor.SubjectId, ct);
        if (app is null) return Outcomes.NotFound<Response>("申请", "Application");
        if (app.Version != request.Version) return Outcomes.Stale<Response>(request.Version, app.Version);
        if (app.Status != ApplicationStatus.Approved)
            return Outcomes.Conflict<Response>("opendata.key.not_approved", "申请获批后才能领取 API Key", "The API key is issued once the application is approved");
        var now = clock.GetUtcNow();
        if (app.ValidUntil is { } until && until <= now)
            return Outcomes.Conflict<Response>("opendata.key.expired", "授权已过期，请重新申请", "The approval has expired; apply again");
        var replaced = app.KeyHash is not null;
        var key = ApiKeys.New();
        app.KeyHash = ApiKeys.Hash(key);
        app.KeyPrefix = key[..10];
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcomes.Stale<Response>(request.Version, request.Version + 1);
        }
        await audit.WriteAsync(replaced ? "opendata.applications.key_replaced" : "opendata.applications.key_issued", "application", app.Id.ToString(), actor,
            new { app.KeyPrefix }, ct);
        return new Response(app.Id, key, app.KeyPrefix, replaced, app.ValidUntil, app.Version);
    }
}
