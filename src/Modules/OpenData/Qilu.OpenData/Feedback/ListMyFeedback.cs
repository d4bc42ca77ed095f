using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.OpenData.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.OpenData.Feedback;

/// <summary>GET /api/opendata/feedback/mine: the signed-in person's own data requests (需求征集) and corrections (纠错),
/// newest first, with the publisher's answer once given.</summary>
internal static class ListMyFeedback
{
    public sealed record Item(Guid Id, string Kind, string Subject, string Description, FeedbackStatus Status, string? Answer,
        DateTimeOffset CreatedAt, DateTimeOffset? AnsweredAt);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/feedback/mine", async (HttpContext ctx, ActorAccessor actors, OpenDataDbContext db) =>
            Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), db, ctx.RequestAborted)))
        .RequireAuthorization().WithName("ListMyOpenDataFeedback").WithSummary("我的需求与纠错 / My requests and corrections").Produces<IReadOnlyList<Item>>();

    internal static async Task<Result<IReadOnlyList<Item>>> HandleAsync(Actor actor, OpenDataDbContext db, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Outcomes.Forbidden<IReadOnlyList<Item>>("opendata.sign_in", "请先登录", "Sign in first");
        var requests = await db.DataRequests.AsNoTracking().Where(r => r.RequesterId == actor.SubjectId).OrderByDescending(r => r.CreatedAt).Take(200)
            .Select(r => new Item(r.Id, "request", r.Title + " · " + r.ProviderName, r.Description, r.Status, r.Answer, r.CreatedAt, r.AnsweredAt)).ToListAsync(ct);
        var corrections = await db.Corrections.AsNoTracking().Where(c => c.ReporterId == actor.SubjectId).OrderByDescending(c => c.CreatedAt).Take(200)
            .Select(c => new Item(c.Id, "correction", c.DatasetTitle, c.Description, c.Status, c.Answer, c.CreatedAt, c.AnsweredAt)).ToListAsync(ct);
        return requests.Concat(corrections).OrderByDescending(i => i.CreatedAt).ToList();
    }
}
