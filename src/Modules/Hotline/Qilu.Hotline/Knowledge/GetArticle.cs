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

/// <summary>GET /api/hotline/knowledge/{id}: one article (drafts and withdrawn ones to their editors only: 404 to others).</summary>
internal static class GetArticle
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/knowledge/{id:guid}", async (Guid id, HttpContext ctx, ActorAccessor actors) =>
            Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, ctx.RequestServices, ctx.RequestAborted)))
        .RequireAuthorization()
        .WithName("GetArticle").WithSummary("知识详情 / Get a knowledge article").Produces<ArticleView>().ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Result<ArticleView>> HandleAsync(Actor actor, Guid id, IServiceProvider sp, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Outcomes.Unauthenticated<ArticleView>();
        if (!KnowledgeAccess.MayRead(actor)) return Outcomes.Denied<ArticleView>(Outcomes.Lacks(actor, HotlinePermissions.KnowledgeRead)!);
        var a = await sp.GetRequiredService<HotlineDbContext>().Articles.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || !KnowledgeAccess.MaySee(actor, a)) return KnowledgeOutcomes.NotFound<ArticleView>();
        return ArticleView.Of(a, actor, sp.GetRequiredService<CategoryCatalog>());
    }
}
