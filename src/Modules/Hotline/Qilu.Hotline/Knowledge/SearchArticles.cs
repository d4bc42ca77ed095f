using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Hotline.Categories;
using Qilu.Hotline.Contracts;
using Qilu.Hotline.Data;
using Qilu.Hotline.Tickets;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Knowledge;

/// <summary>
/// GET /api/hotline/knowledge?q=&amp;category=&amp;status=&amp;skip=&amp;take= — Chinese full-text search of the knowledge
/// base (space-separated words are each required; BM25 with the title weighted); <c>category</c> takes a code of any
/// level. Readers see published articles; editors may also ask for <c>draft</c> or <c>withdrawn</c> ones of their subtree.
/// POST /api/hotline/knowledge/related {content, categoryCode}: published articles that fit what a caller said (the console).
/// </summary>
internal static class SearchArticles
{
    public sealed record Hit(ArticleView Article, float Score, string? TitleHighlight, string? BodyHighlight);

    public sealed record Page(int Total, IReadOnlyList<Hit> Items);

    public sealed record RelatedRequest(string? Content, string? CategoryCode);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/knowledge", async (string? q, string? category, string? status, int? skip, int? take, HttpContext ctx, ActorAccessor actors) =>
                Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), q, category, status, skip ?? 0, take ?? 20, ctx.RequestServices, ctx.RequestAborted)))
            .RequireAuthorization()
            .WithName("SearchArticles").WithSummary("知识库检索 / Search the knowledge base").Produces<Page>().ProducesValidationProblem();
        api.MapPost("/knowledge/related", async (RelatedRequest request, HttpContext ctx, ActorAccessor actors) =>
                Outcomes.Ok(await RelatedAsync(actors.FromContext(ctx), request.Content, request.CategoryCode, 5, ctx.RequestServices, ctx.RequestAborted)))
            .RequireAuthorization()
            .WithName("RelatedArticles").WithSummary("按诉求内容推荐知识 / Articles matching a caller's request").Produces<IReadOnlyList<Hit>>();
    }

    internal static async Task<Result<Page>> HandleAsync(Actor actor, string? q, string? category, string? status, int skip, int take, IServiceProvider sp,
        CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Outcomes.Unauthenticated<Page>();
        if (!KnowledgeAccess.MayRead(actor)) return Outcomes.Denied<Page>(Outcomes.Lacks(actor, HotlinePermissions.KnowledgeRead)!);
        var categories = sp.GetRequiredService<CategoryCatalog>();
        var wanted = status is null ? ArticleStatus.Published : ArticleStatuses.Parse(status);
        if (wanted is null) return Outcomes.Invalid<Page>("status.unknown", $"未知的状态“{status}”", $"Unknown status '{status}' (draft, published, withdrawn)", "status");
        if (wanted != ArticleStatus.Published && !actor.Has(HotlinePermissions.KnowledgeManage))
            return Outcomes.Denied<Page>(Outcomes.Lacks(actor, HotlinePermissions.KnowledgeManage)!);
        if (category is not null && categories.Find(category) is null)
            return Outcomes.Invalid<Page>("category.unknown", $"“{category}”不是诉求分类代码", $"'{category}' is not a category code", "category");
        if (q is { Length: > 200 }) return Outcomes.Invalid<Page>("max_length", "检索词不能超过200个字符", "q must be at most 200 characters", "q");
        if (take is < 1 or > 100) return Outcomes.Invalid<Page>("take.range", "每页条数须在1–100之间", "take must be 1–100", "take");
        var index = sp.GetRequiredService<KnowledgeIndex>();
        // Drafts of other subtrees are filtered after the search; an editor's own subtree holds few enough for that.
        var (total, hits) = await index.SearchAsync(q, ArticleStatuses.Key(wanted.Value), category, Math.Max(0, skip), take, ct);
        var items = await LoadAsync(actor, hits, sp, ct);
        return new Page(wanted == ArticleStatus.Published ? total : items.Count, items);
    }

    internal static async Task<Result<IReadOnlyList<Hit>>> RelatedAsync(Actor actor, string? content, string? categoryCode, int take, IServiceProvider sp,
        CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Outcomes.Unauthenticated<IReadOnlyList<Hit>>();
        if (!KnowledgeAccess.MayRead(actor)) return Outcomes.Denied<IReadOnlyList<Hit>>(Outcomes.Lacks(actor, HotlinePermissions.KnowledgeRead)!);
        var text = content?.Trim();
        if (string.IsNullOrEmpty(text)) return Array.Empty<Hit>();
        if (text.Length > TicketIntake.MaxContent)
            return Outcomes.Invalid<IReadOnlyList<Hit>>("max_length", $"诉求内容不能超过{TicketIntake.MaxContent}个字符", $"content must be at most {TicketIntake.MaxContent} characters", "content");
        var category = string.IsNullOrWhiteSpace(categoryCode) ? null : categoryCode.Trim();
        var hits = await sp.GetRequiredService<KnowledgeIndex>().RelatedAsync(text, category, take, ct);
        return Result<IReadOnlyList<Hit>>.Success(await LoadAsync(actor, hits, sp, ct));
    }

    private static async Task<IReadOnlyList<Hit>> LoadAsync(Actor actor, IReadOnlyList<KnowledgeIndex.Hit> hits, IServiceProvider sp, CancellationToken ct)
    {
        if (hits.Count == 0) return [];
        var ids = hits.Select(h => h.Id).ToList();
        var db = sp.GetRequiredService<HotlineDbContext>();
        var categories = sp.GetRequiredService<CategoryCatalog>();
        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        return [.. hits.Where(h => articles.TryGetValue(h.Id, out var a) && KnowledgeAccess.MaySee(actor, a))
            .Select(h => new Hit(ArticleView.Of(articles[h.Id], actor, categories), h.Score, h.TitleHighlight, h.BodyHighlight))];
    }
}
