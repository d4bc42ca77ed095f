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

    /// <summary>A notice list's address with its keyword, category and page kept (page 1 and empty values left out).</summary>
    public static string ListHref(string path, string? q, string? category, int page)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(q)) parts.Add("q=" + Uri.EscapeDataString(q.Trim()));
        if (category is not null) parts.Add("category=" + Uri.EscapeDataString(category));
        if (page > 1) parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        return path + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
    }

    /// <summary>The page number a list's <c>page</c> query asks for: 1 when absent or not a whole number above 1 (a
    /// hand-edited link falls back to the first page instead of failing).</summary>
    public static int PageNumber(string? query) =>
        int.TryParse(query, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 1 ? p : 1;

    public static string Category(ShellText l, string key) => l[NoticeKinds.CategoryZh(key), NoticeKinds.CategoryEn(key)];

    public static string Status(ShellText l, string key) => key switch
    {
        "published" => l["已发布", "Published"],
        "withdrawn" => l["已撤回", "Withdrawn"],
        _ => l["草稿", "Draft"],
    };

    public static string Audience(ShellText l, string key) => key == "public" ? l["公开（门户可见）", "Public (portal)"] : l["内部（本单位及下级）", "Internal (own and lower levels)"];
}
