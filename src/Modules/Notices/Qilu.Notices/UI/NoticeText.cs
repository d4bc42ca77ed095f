using System.Globalization;
using Qilu.Notices.Contracts;
using Qilu.Web.Localization;

namespace Qilu.Notices.UI;

/// <summary>Display helpers shared by the notice pages.</summary>
internal static class NoticeText
{
    /// <summary>China Standard Time: notices are dated as their readers live them.</summary>
    public static string Date(DateTimeOffset? at) => at is { } t ? t.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";

    public static string DateTime(DateTimeOffset? at) => at is { } t ? t.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    public static string Category(ShellText l, string key) => l[NoticeKinds.CategoryZh(key), NoticeKinds.CategoryEn(key)];

    public static string Status(ShellText l, string key) => key switch
    {
        "published" => l["已发布", "Published"],
        "withdrawn" => l["已撤回", "Withdrawn"],
        _ => l["草稿", "Draft"],
    };

    public static string Audience(ShellText l, string key) => key == "public" ? l["公开（门户可见）", "Public (portal)"] : l["内部（本单位及下级）", "Internal (own and lower levels)"];
}
