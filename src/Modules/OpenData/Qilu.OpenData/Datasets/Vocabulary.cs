using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Qilu.OpenData.Datasets;

/// <summary>A licence a dataset can carry (CKAN <c>license_id</c>, DCAT <c>dct:license</c>).</summary>
internal sealed record License(string Id, string Title, string Url, bool IsOpen);

/// <summary>
/// The fixed vocabularies of the portal: licences, theme slugs (CKAN group names must be <c>[a-z0-9_-]</c>), update
/// cycles mapped to the EU frequency authority table DCAT-AP uses, and name-based ids for tags and groups (CKAN gives
/// them UUIDs; ours are derived from the name so that every node and every rebuild agrees).
/// </summary>
internal static class Vocabulary
{
    public static readonly IReadOnlyList<License> Licenses =
    [
        new("cc-by-4.0", "知识共享署名 4.0 (CC BY 4.0)", "https://creativecommons.org/licenses/by/4.0/", true),
        new("cc-zero", "知识共享零 (CC0 1.0)", "https://creativecommons.org/publicdomain/zero/1.0/", true),
        new("odc-by", "开放数据共享署名许可 (ODC-BY 1.0)", "https://opendatacommons.org/licenses/by/1-0/", true),
        new("sd-conditional", "山东公共数据有条件开放使用协议", "/opendata/terms/conditional", false),
    ];

    public static License? FindLicense(string? id) => Licenses.FirstOrDefault(l => l.Id == id);

    private static readonly Dictionary<string, string> ThemeSlugs = new(StringComparer.Ordinal)
    {
        ["人口"] = "population", ["法人单位"] = "legal-entities", ["自然资源和空间地理"] = "geography", ["社会信用"] = "social-credit",
        ["电子证照"] = "e-licences", ["公共服务"] = "public-services", ["健康保障"] = "health", ["社会保障"] = "social-security",
        ["食品药品安全"] = "food-drug-safety", ["安全生产"] = "work-safety", ["价格监管"] = "prices", ["能源安全"] = "energy",
        ["信用体系"] = "credit", ["城乡建设"] = "urban-rural", ["社区治理"] = "community", ["生态环保"] = "environment",
        ["应急维稳"] = "emergency", ["综合"] = "general",
    };

    /// <summary>The group slug of a theme (unknown themes get a stable hash slug).</summary>
    public static string ThemeSlug(string theme) => ThemeSlugs.TryGetValue(theme, out var slug) ? slug
        : "theme-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(theme)))[..12];

    /// <summary>The theme of a group slug, among <paramref name="themes"/> in use.</summary>
    public static string? ThemeOf(string slug, IEnumerable<string> themes) => themes.FirstOrDefault(t => ThemeSlug(t) == slug);

    /// <summary>A stable UUID for a named thing (tag, group), in the RFC 9562 version 8 layout.</summary>
    public static Guid NameId(string kind, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(kind + ":" + name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>Frequency code of the EU authority table (http://publications.europa.eu/resource/authority/frequency/…).</summary>
    public static string FrequencyCode(string cycle) => cycle switch
    {
        "实时" => "CONT",
        "每日" => "DAILY",
        "每周" => "WEEKLY",
        "每月" => "MONTHLY",
        "每季度" => "QUARTERLY",
        "每半年" => "ANNUAL_2",
        "每年" => "ANNUAL",
        _ => "IRREG",
    };

    /// <summary>CKAN's timestamp format: UTC without offset, microseconds.</summary>
    public static string CkanTime(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>A CKAN name from a catalog code: lowercase ASCII letters, digits, '-' and '_'.</summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
            sb.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' ? c : '-');
        return sb.ToString().Trim('-');
    }
}
