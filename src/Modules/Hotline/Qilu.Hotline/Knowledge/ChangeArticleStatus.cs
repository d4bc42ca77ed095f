using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Hotline.Categories;
using Qilu.Hotline.Contracts;
using Qilu.Hotline.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Knowledge;

/// <summary>
/// POST /api/hotline/knowledge/{id}/publish (agents see it from now on) and /withdraw (下线: an outdated answer leaves
/// the agents' search but stays for the tickets that cite it). A change that would not change the status is a 409.
/// </summary>
internal static class ChangeArticleStatus
{
    public sealed record Request(uint? Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        foreach (var (action, target, summary) in new[] { ("publish", ArticleStatus.Published, "发布知识 / Publish an article"), ("withdraw", ArticleStatus.Withdrawn, "下线知识 / Withdraw an article") })
            api.MapPost($"/knowledge/{{id:guid}}/{action}", async (Guid id, Request? request, HttpContext ctx, ActorAccessor actors) =>
                    Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, target, request?.Version, ctx.RequestServices, ctx.RequestAborted)))
                .RequirePermission(HotlinePermissions.KnowledgeManage)
                .WithName("Article-" + action).WithSummary(summary).Produces<ArticleView>().ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Result<ArticleView>> HandleAsync(Actor actor, Guid id, ArticleStatus target, uint? version, IServiceProvider sp, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Outcomes.Unauthenticated<ArticleView>();
        if (Outcomes.Lacks(actor, HotlinePermissions.KnowledgeManage) is { } lacks) return Outcomes.Denied<ArticleView>(lacks);
        var db = sp.GetRequiredService<HotlineDbContext>();
        var a = await db.Articles.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || !KnowledgeAccess.MayManage(actor, a)) return KnowledgeOutcomes.NotFound<ArticleView>();
        if (version is { } seen && seen != a.Version) return KnowledgeOutcomes.Stale<ArticleView>();
        if (a.Status == target)
            return Outcomes.Conflict<ArticleView>("knowledge.status_unchanged", $"该知识已是“{ArticleStatuses.Zh(target)}”状态",
                $"The article is already {ArticleStatuses.Key(target)}", "status");
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        a.Status = target;
        a.UpdatedAt = now;
        a.UpdatedById = actor.SubjectId;
        a.UpdatedByName = actor.DisplayName;
        if (target == ArticleStatus.Published) a.PublishedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return KnowledgeOutcomes.Stale<ArticleView>();
        }
        await KnowledgeOutcomes.AuditAsync(sp, actor, a, target == ArticleStatus.Published ? "published" : "withdrawn", ct);
        return ArticleView.Of(a, actor, sp.GetRequiredService<CategoryCatalog>());
    }
}
