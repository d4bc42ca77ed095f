using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Audit;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Knowledge;

/// <summary>Errors and audit shared by the knowledge-base use cases.</summary>
internal static class KnowledgeOutcomes
{
    public static Result<T> NotFound<T>() =>
        Result<T>.Failure(new Error("not_found", "知识不存在或不在您的权限范围内", "The article does not exist or is outside your scope"), ErrorKind.NotFound);

    public static Result<T> Stale<T>() => Result<T>.Failure(new Error("hotline.version_conflict", "该知识已被他人修改，请刷新后重试",
        "The article was changed by someone else; reload and retry", "version"), ErrorKind.Conflict);

    public static Task AuditAsync(IServiceProvider sp, Actor actor, KnowledgeArticle a, string action, CancellationToken ct) =>
        sp.GetRequiredService<IAuditWriter>().WriteAsync(new AuditEvent("hotline.knowledge." + action, "knowledge_article", a.Id.ToString(), "success", actor,
            new { a.Title, status = ArticleStatuses.Key(a.Status), a.Version, categories = a.CategoryCodes }), ct);
}
