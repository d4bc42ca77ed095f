using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qilu.OpenData.Data;
using Qilu.OpenData.Datasets;

namespace Qilu.OpenData.Ckan;

/// <summary>A publishing unit (CKAN organization) with its dataset count, from one grouped query.</summary>
internal sealed record OrganizationRow(Guid Id, string Code, string Title, string Division, int Count, DateTimeOffset Created)
{
    public string Name => PackageDocument.OrganizationName(Code);

    public static async Task<List<OrganizationRow>> AllAsync(OpenDataDbContext db, CancellationToken ct)
    {
        var rows = await db.Datasets.AsNoTracking().Where(d => d.State == DatasetState.Published)
            .GroupBy(d => new { d.PublisherUnitId, d.PublisherCode, d.PublisherName, d.PublisherDivision })
            .Select(g => new { g.Key, Count = g.Count(), Created = g.Min(d => d.CreatedAt) })
            .ToListAsync(ct);
        return [.. rows.Select(r => new OrganizationRow(r.Key.PublisherUnitId, r.Key.PublisherCode, r.Key.PublisherName, r.Key.PublisherDivision, r.Count, r.Created))];
    }

    public JsonObject ToDict(bool withCount)
    {
        var dict = PackageDocument.Organization(Id, Code, Title, Division, Created);
        dict["display_name"] = Title;
        dict["image_display_url"] = "";
        dict["num_followers"] = 0;
        if (withCount) dict["package_count"] = Count;
        return dict;
    }
}

/// <summary>Sorting and paging shared by <c>organization_list</c> and <c>group_list</c> (CKAN's group_list_dictize rules).</summary>
internal static class GroupListing
{
    public static readonly string[] Params = ["sort", "limit", "offset", "all_fields", "include_dataset_count", "include_extras", "include_tags",
        "include_groups", "include_users", "include_member_count", "organizations", "groups", "q", "type"];

    public static List<T> Apply<T>(CkanCall call, List<T> rows, Func<T, string> name, Func<T, string> title, Func<T, int> count, int defaultLimit, int maxLimit)
    {
        var q = call.Params.String("q");
        if (!string.IsNullOrEmpty(q)) rows = [.. rows.Where(r => name(r).Contains(q, StringComparison.OrdinalIgnoreCase) || title(r).Contains(q, StringComparison.OrdinalIgnoreCase))];
        var only = call.Params.List("organizations") ?? call.Params.List("groups");
        if (only is not null) rows = [.. rows.Where(r => only.Contains(name(r)))];
        var sort = (call.Params.String("sort") ?? "title asc").Trim().ToLowerInvariant();
        var parts = sort.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var desc = parts.Length > 1 && parts[1] == "desc";
        if (parts.Length is 0 or > 2 || parts.Length == 2 && parts[1] is not ("asc" or "desc"))
            throw CkanError.Validation("sort", "Invalid sort: use title|name|package_count asc|desc");
        IEnumerable<T> ordered = parts[0] switch
        {
            "title" => desc ? rows.OrderByDescending(title, StringComparer.Ordinal) : rows.OrderBy(title, StringComparer.Ordinal),
            "name" => desc ? rows.OrderByDescending(name, StringComparer.Ordinal) : rows.OrderBy(name, StringComparer.Ordinal),
            "package_count" => desc ? rows.OrderByDescending(count) : rows.OrderBy(count),
            _ => throw CkanError.Validation("sort", "Invalid sort: use title|name|package_count asc|desc"),
        };
        var limit = call.Params.Int("limit", defaultLimit, 0, maxLimit);
        var offset = call.Params.Int("offset", 0, 0, int.MaxValue);
        return [.. ordered.Skip(offset).Take(limit)];
    }
}

/// <summary><c>organization_list</c>: the publishing units (names, or dicts with <c>all_fields</c>).</summary>
internal static class OrganizationList
{
    public static async Task<object> RunAsync(CkanCall call)
    {
        call.Params.RejectUnknown(GroupListing.Params);
        var allFields = call.Params.Bool("all_fields", false);
        var rows = await OrganizationRow.AllAsync(call.Service<OpenDataDbContext>(), call.Aborted);
        // ckan.group_and_organization_list_max 1000, …_all_fields_max 25 (CKAN defaults).
        var page = GroupListing.Apply(call, rows, r => r.Name, r => r.Title, r => r.Count, allFields ? 25 : 1000, allFields ? 25 : 1000);
        var withCount = call.Params.Bool("include_dataset_count", true);
        return new JsonArray([.. page.Select(r => allFields ? r.ToDict(withCount) : (JsonNode)r.Name)]);
    }
}

/// <summary><c>organization_show</c>: one publishing unit by id or name, optionally with its datasets.</summary>
internal static class OrganizationShow
{
    public static async Task<object> RunAsync(CkanCall call)
    {
        call.Params.RejectUnknown("id", "include_datasets", "include_dataset_count", "include_extras", "include_users", "include_groups",
            "include_tags", "include_followers", "include_member_count");
        var id = call.Params.Required("id");
        var db = call.Service<OpenDataDbContext>();
        var rows = await OrganizationRow.AllAsync(db, call.Aborted);
        var org = rows.FirstOrDefault(r => r.Name == id || r.Id.ToString() == id) ?? throw CkanError.NotFound("Organization not found");
        var dict = org.ToDict(call.Params.Bool("include_dataset_count", true));
        dict["extras"] = new JsonArray();
        dict["groups"] = new JsonArray();
        dict["tags"] = new JsonArray();
        dict["users"] = new JsonArray();
        if (call.Params.Bool("include_datasets", false))
        {
            // CKAN returns the first datasets of the organisation from the search index; the limit is its default 10 rows.
            var packages = await db.Datasets.AsNoTracking().Where(d => d.State == DatasetState.Published && d.PublisherUnitId == org.Id)
                .OrderByDescending(d => d.ModifiedAt).Take(10).Select(d => d.PackageJson).ToListAsync(call.Aborted);
            dict["packages"] = new JsonArray([.. packages.Select(p => JsonNode.Parse(call.Absolute(p)))]);
        }
        return dict;
    }
}

/// <summary><c>group_list</c>: the themes (主题) datasets are filed under, as CKAN groups.</summary>
internal static class GroupList
{
    public static async Task<object> RunAsync(CkanCall call)
    {
        call.Params.RejectUnknown(GroupListing.Params);
        var allFields = call.Params.Bool("all_fields", false);
        var themes = await call.Service<OpenDataDbContext>().Datasets.AsNoTracking().Where(d => d.State == DatasetState.Published && d.Theme != null)
            .GroupBy(d => d.Theme!).Select(g => new { Theme = g.Key, Count = g.Count() }).ToListAsync(call.Aborted);
        var page = GroupListing.Apply(call, themes, t => Vocabulary.ThemeSlug(t.Theme), t => t.Theme, t => t.Count, allFields ? 25 : 1000, allFields ? 25 : 1000);
        var withCount = call.Params.Bool("include_dataset_count", true);
        return new JsonArray([.. page.Select(t =>
        {
            if (!allFields) return (JsonNode)Vocabulary.ThemeSlug(t.Theme);
            var g = PackageDocument.Group(t.Theme);
            g["type"] = "group";
            g["is_organization"] = false;
            g["state"] = "active";
            g["approval_status"] = "approved";
            g["num_followers"] = 0;
            if (withCount) g["package_count"] = t.Count;
            return g;
        })]);
    }
}
