using Qilu.Hotline.Categories;
using Qilu.Hotline.Contracts;
using Qilu.SharedKernel.Actors;

namespace Qilu.Hotline.Knowledge;

/// <summary>An article as the API and the pages show it.</summary>
internal sealed record ArticleView(
    Guid Id, string Title, string Body, IReadOnlyList<ArticleView.Category> Categories, IReadOnlyList<string> MatterCodes, string Status,
    string StatusName, Guid? OwnerUnitId, string OwnerUnitName, string OwnerDivision, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt,
    string UpdatedByName, uint Version, bool CanEdit)
{
    /// <summary>A category code with its path name.</summary>
    public sealed record Category(string Code, string Name);

    public static ArticleView Of(KnowledgeArticle a, Actor actor, CategoryCatalog categories) => new(
        a.Id, a.Title, a.Body, [.. a.Categories().Select(c => new Category(c, categories.PathName(c)))], a.Matters(),
        ArticleStatuses.Key(a.Status), ArticleStatuses.Zh(a.Status), a.OwnerUnitId, a.OwnerUnitName, a.OwnerDivision, a.UpdatedAt, a.PublishedAt,
        a.UpdatedByName, a.Version, KnowledgeAccess.MayManage(actor, a));
}

/// <summary>Who may read and manage articles.</summary>
internal static class KnowledgeAccess
{
    public static bool MayRead(Actor actor) => actor.Has(HotlinePermissions.KnowledgeRead) || actor.Has(HotlinePermissions.KnowledgeManage);

    /// <summary>Editors manage the articles owned within their division subtree.</summary>
    public static bool MayManage(Actor actor, KnowledgeArticle a) => actor.Has(HotlinePermissions.KnowledgeManage) && actor.CanSeeDivision(a.OwnerDivision);

    /// <summary>Drafts and withdrawn articles are the editors' business; everyone who reads sees published ones.</summary>
    public static bool MaySee(Actor actor, KnowledgeArticle a) => a.Status == ArticleStatus.Published ? MayRead(actor) : MayManage(actor, a);
}
