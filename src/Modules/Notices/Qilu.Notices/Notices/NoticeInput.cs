using Qilu.Notices.Contracts;
using Qilu.Platform.Http;

namespace Qilu.Notices.Notices;

/// <summary>The editable fields of a draft, as the editor sends them.</summary>
/// <param name="Title">Title, at most 100 characters.</param>
/// <param name="Body">Plain text, at most 20,000 characters; line breaks separate paragraphs.</param>
/// <param name="Category">notice | announcement | work_news.</param>
/// <param name="Importance">normal | important.</param>
/// <param name="Audience">internal | public.</param>
/// <param name="ValidUntil">Optional end of validity (must lie in the future).</param>
internal sealed record NoticeInput(string? Title, string? Body, string? Category, string? Importance, string? Audience, DateTimeOffset? ValidUntil)
{
    public const int TitleMax = 100;
    public const int BodyMax = 20_000;
    public const int ReasonMax = 500;

    public Validation Check(DateTimeOffset now)
    {
        var v = new Validation()
            .Required("title", Title, "标题").MaxLength("title", Title?.Trim(), TitleMax, "标题")
            .Required("body", Body, "正文").MaxLength("body", Body, BodyMax, "正文")
            .Rule(Category is not null && NoticeKinds.Categories.Contains(Category), "category", "notice.category",
                "类别须为通知、公告或工作动态", "category must be one of notice, announcement, work_news")
            .Rule(Importance is null || NoticeKinds.Importances.Contains(Importance), "importance", "notice.importance",
                "重要程度须为普通或重要", "importance must be normal or important")
            .Rule(Audience is not null && NoticeKinds.Audiences.Contains(Audience), "audience", "notice.audience",
                "发布范围须为内部（本单位及下级）或公开", "audience must be internal or public")
            .Rule(ValidUntil is null || ValidUntil > now, "validUntil", "notice.valid_until_past",
                "有效期须晚于当前时间", "validUntil must lie in the future");
        return v;
    }

    public void ApplyTo(Notice n)
    {
        n.Title = Title!.Trim();
        n.Body = Body!.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        n.Category = Category!;
        n.Important = Importance == "important";
        n.IsPublic = Audience == "public";
        n.ValidUntil = ValidUntil?.ToUniversalTime();
    }
}
