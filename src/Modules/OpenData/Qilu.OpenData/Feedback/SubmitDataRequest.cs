using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Identity.Contracts;
using Qilu.OpenData.Data;
using Qilu.OpenData.UseCases;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.OpenData.Feedback;

/// <summary>POST /api/opendata/requests: 需求征集 — a signed-in person asks a providing unit to open some data.</summary>
internal static class SubmitDataRequest
{
    public sealed record Request(Guid ProviderUnitId, string? Title, string? Description);

    public sealed record Response(Guid Id, string ProviderName, FeedbackStatus Status, uint Version);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/requests", EndpointAsync)
        .RequireAuthorization().WithName("SubmitOpenDataRequest").WithSummary("需求征集 / Request data").Produces<Response>(201);

    private static async Task<IResult> EndpointAsync(Request request, HttpContext ctx, ActorAccessor actors, OpenDataDbContext db,
        IOrganisationDirectory units, TimeProvider clock, OpenDataAudit audit) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), request, db, units, clock, audit, ctx.RequestAborted), r => $"/api/opendata/requests/{r.Id}");

    internal static async Task<Result<Response>> HandleAsync(Actor actor, Request request, OpenDataDbContext db, IOrganisationDirectory units,
        TimeProvider clock, OpenDataAudit audit, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Outcomes.Forbidden<Response>("opendata.sign_in", "请先登录", "Sign in first");
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 200)
            return Outcomes.Invalid<Response>("opendata.request.title", "需求名称不能为空（不超过200字）", "Title is required (at most 200 characters)", "title");
        if (string.IsNullOrWhiteSpace(request.Description) || request.Description.Length > 2000)
            return Outcomes.Invalid<Response>("opendata.request.description", "请描述所需数据与用途（不超过2000字）", "Describe the data and its use (at most 2000 characters)", "description");
        var unit = await units.FindUnitAsync(request.ProviderUnitId, ct);
        if (unit is null) return Outcomes.Invalid<Response>("opendata.request.unit", "提供单位不存在", "Unknown providing unit", "providerUnitId");
        var item = new DataRequest
        {
            ProviderUnitId = unit.Id, ProviderName = unit.Name, Title = request.Title.Trim(), Description = request.Description.Trim(),
            RequesterId = actor.SubjectId, RequesterName = actor.DisplayName, CreatedAt = clock.GetUtcNow(),
        };
        db.DataRequests.Add(item);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("opendata.requests.submitted", "data_request", item.Id.ToString(), actor, new { item.Title, unit = unit.Name }, ct);
        return new Response(item.Id, item.ProviderName, item.Status, item.Version);
    }
}
