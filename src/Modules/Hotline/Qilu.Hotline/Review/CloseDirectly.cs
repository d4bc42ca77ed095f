using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Hotline.Data;
using Qilu.Hotline.Knowledge;
using Qilu.Hotline.Tickets;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Review;

/// <summary>
/// POST /api/hotline/tickets/{id}/close-direct: 直办. The agent answers at first contact and closes the ticket without
/// dispatching it; the answer is recorded as the reply. Answering from the knowledge base (<c>articleId</c>) records the
/// article and its version (the answer defaults to the article's text); only a published article can be cited.
/// </summary>
internal static class CloseDirectly
{
    public sealed record Request(string? Answer, string? Satisfaction, uint? Version, Guid? ArticleId = null);

    public static void Map(IEndpointRouteBuilder api) =>
        TicketEndpoints.MapAction<Request>(api, TicketMachine.CloseDirectly, "直办办结 / Answer and close at first contact", HandleAsync);

    internal static Task<Result<Ticket>> HandleAsync(Actor actor, Guid id, Request request, IServiceProvider sp, CancellationToken ct) =>
        TicketEndpoints.Transition(sp).RunAsync(actor, id, TicketMachine.CloseDirectly, request.Version, async (t, now) =>
        {
            KnowledgeArticle? article = null;
            if (request.ArticleId is { } articleId)
            {
                article = await sp.GetRequiredService<HotlineDbContext>().Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == articleId, ct);
                if (article is null || article.Status != ArticleStatus.Published || !KnowledgeAccess.MayRead(actor))
                    return Result<string?>.Failure(new Error("knowledge.not_published", "所引用的知识不存在或未发布", "The cited article does not exist or is not published", "articleId"));
            }
            var answer = TicketEndpoints.Required(TicketEndpoints.Clean(request.Answer) ?? article?.Body, "answer", "答复内容", 4000);
            if (!answer.IsSuccess) return answer;
            Satisfaction? satisfaction = null;
            if (request.Satisfaction is not null)
            {
                satisfaction = TicketEnums.ParseSatisfaction(request.Satisfaction);
                if (satisfaction is null)
                    return Result<string?>.Failure(new Error("satisfaction.unknown", "请选择满意、基本满意或不满意",
                        "satisfaction must be satisfied, basically_satisfied or dissatisfied", "satisfaction"));
            }
            t.Reply = answer.Value;
            t.RepliedAt = now;
            t.ClosedAt = now;
            t.Satisfaction = satisfaction;
            t.ClosedDirectly = true;
            t.OnTime = true;
            t.Status = TicketStatus.Closed;
            t.KnowledgeArticleId = article?.Id;
            t.KnowledgeArticleVersion = article?.Version;
            if (article is null) return answer.Value;
            // The timeline note holds at most 4,000 characters, like the answer itself.
            var note = $"依据知识库《{article.Title}》第{article.Version}版：{answer.Value}";
            return note.Length <= 4000 ? note : note[..4000];
        }, ct);
}
