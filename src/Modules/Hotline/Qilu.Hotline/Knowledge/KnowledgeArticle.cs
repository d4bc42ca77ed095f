namespace Qilu.Hotline.Knowledge;

/// <summary>
/// 知识库文章: a vetted answer agents give callers (政策解答, 办事指引), filed under hotline categories and linked to
/// matters (事项基本编码). Drafts are visible to the editors only; agents see and answer from published articles.
/// <see cref="Version"/> grows with every change, so a ticket answered from an article records exactly which text it was.
/// </summary>
internal sealed class KnowledgeArticle
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Title { get; set; }
    public required string Body { get; set; }
    /// <summary>Level-3 hotline category codes, comma-separated.</summary>
    public string CategoryCodes { get; set; } = "";
    /// <summary>Related matters' basic codes, comma-separated.</summary>
    public string MatterCodes { get; set; } = "";
    public ArticleStatus Status { get; set; }
    public Guid? OwnerUnitId { get; init; }
    public required string OwnerUnitName { get; init; }
    /// <summary>Division of the owner (editors manage the articles of their division subtree).</summary>
    public required string OwnerDivision { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public required string UpdatedById { get; set; }
    public required string UpdatedByName { get; set; }
    public uint Version { get; set; } = 1;

    public IReadOnlyList<string> Categories() => Split(CategoryCodes);

    public IReadOnlyList<string> Matters() => Split(MatterCodes);

    private static string[] Split(string s) => s.Length == 0 ? [] : s.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Article status.</summary>
internal enum ArticleStatus
{
    /// <summary>草稿: only editors see it.</summary>
    Draft = 0,
    /// <summary>已发布: agents see it and answer from it.</summary>
    Published = 1,
    /// <summary>已下线: withdrawn (outdated policy); kept for the tickets that cite it.</summary>
    Withdrawn = 2,
}

/// <summary>Status keys and names.</summary>
internal static class ArticleStatuses
{
    public static string Key(ArticleStatus s) => s switch { ArticleStatus.Published => "published", ArticleStatus.Withdrawn => "withdrawn", _ => "draft" };

    public static string Zh(ArticleStatus s) => s switch { ArticleStatus.Published => "已发布", ArticleStatus.Withdrawn => "已下线", _ => "草稿" };

    public static ArticleStatus? Parse(string? key) => key switch
    {
        "draft" => ArticleStatus.Draft,
        "published" => ArticleStatus.Published,
        "withdrawn" => ArticleStatus.Withdrawn,
        _ => null,
    };
}
