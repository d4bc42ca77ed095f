namespace Qilu.Notices.Contracts;

/// <summary>The wire values of a notice's category, importance, audience and status.</summary>
public static class NoticeKinds
{
    /// <summary>Categories: 通知, 公告, 工作动态.</summary>
    public static readonly IReadOnlyList<string> Categories = ["notice", "announcement", "work_news"];

    /// <summary>Importance: 普通, 重要.</summary>
    public static readonly IReadOnlyList<string> Importances = ["normal", "important"];

    /// <summary>Audience: <c>internal</c> (officials of the publishing division and below, 本单位及下级) or <c>public</c> (also the portal).</summary>
    public static readonly IReadOnlyList<string> Audiences = ["internal", "public"];

    /// <summary>The Chinese name of a category key.</summary>
    public static string CategoryZh(string category) => category switch
    {
        "notice" => "通知",
        "announcement" => "公告",
        "work_news" => "工作动态",
        _ => category,
    };

    /// <summary>The English name of a category key.</summary>
    public static string CategoryEn(string category) => category switch
    {
        "notice" => "Notice",
        "announcement" => "Announcement",
        "work_news" => "Work news",
        _ => category,
    };
}
