namespace Qilu.Sharing.Gateway;

/// <summary>
/// A caller's <c>?fields=a,b</c> checked against what the resource or operation has and what the grant releases, the
/// same way for tables and proxied APIs: names it does not have are a 400 naming them, names it has but the grant does
/// not release a 403 naming them.
/// </summary>
internal static class FieldSelection
{
    /// <summary>
    /// The requested names (comma-separated, trimmed, each once, in the caller's order), or the refusal.
    /// <paramref name="unknownZh"/> and <paramref name="unknownEn"/> open the 400's message (资源没有这些信息项 …).
    /// </summary>
    public static (List<string>? Names, GatewayRefusal? Refusal) Check(string requested, Func<string, bool> has, IReadOnlySet<string> granted,
        string unknownZh, string unknownEn)
    {
        var names = requested.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        var unknown = names.Where(n => !has(n)).ToList();
        if (unknown.Count > 0)
            return (null, GatewayRefusal.BadRequest("fields.unknown", $"{unknownZh}：{string.Join("、", unknown)}", $"{unknownEn}: {string.Join(", ", unknown)}", "fields"));
        var ungranted = names.Where(n => !granted.Contains(n)).ToList();
        if (ungranted.Count > 0)
            return (null, GatewayRefusal.Forbidden("fields.not_granted", $"授权未包含这些信息项：{string.Join("、", ungranted)}",
                $"The grant does not release these fields: {string.Join(", ", ungranted)}", "fields"));
        return (names, null);
    }
}
