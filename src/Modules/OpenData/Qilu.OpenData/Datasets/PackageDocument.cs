using System.Text.Json;
using System.Text.Json.Nodes;
using Qilu.Catalog.Contracts;

namespace Qilu.OpenData.Datasets;

/// <summary>
/// The CKAN 2.10 package dict of a dataset (the shape <c>package_show</c> returns with the default schema), built once
/// per change and stored on the row. Links are written against <see cref="BasePlaceholder"/>, which the API replaces
/// with the deployment's public URL when it answers.
/// </summary>
internal static class PackageDocument
{
    public const string BasePlaceholder = "__QILU_BASE__";

    public static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Build(Dataset d, DateTimeOffset organizationCreated)
    {
        var license = Vocabulary.FindLicense(d.LicenseId);
        var tags = new JsonArray([.. d.Tags.Select(t => (JsonNode)new JsonObject
        {
            ["display_name"] = t, ["id"] = Vocabulary.NameId("tag", t).ToString(), ["name"] = t, ["state"] = "active", ["vocabulary_id"] = null,
        })]);
        var groups = new JsonArray();
        if (d.Theme is { } theme) groups.Add(Group(theme));
        var resources = new JsonArray([.. d.Resources.OrderBy(r => r.Position).Select(r => (JsonNode)Resource(d, r))]);
        var package = new JsonObject
        {
            ["author"] = null,
            ["author_email"] = null,
            ["creator_user_id"] = Vocabulary.NameId("user", d.PublishedBy).ToString(),
            ["id"] = d.Id.ToString(),
            ["isopen"] = license?.IsOpen ?? false,
            ["license_id"] = d.LicenseId,
            ["license_title"] = license?.Title ?? d.LicenseId,
            ["license_url"] = license is null ? null : Absolute(license.Url),
            ["maintainer"] = d.PublisherName,
            ["maintainer_email"] = null,
            ["metadata_created"] = Vocabulary.CkanTime(d.CreatedAt),
            ["metadata_modified"] = Vocabulary.CkanTime(d.ModifiedAt),
            ["name"] = d.Name,
            ["notes"] = d.Description,
            ["num_resources"] = d.Resources.Count,
            ["num_tags"] = d.Tags.Count,
            ["organization"] = Organization(d.PublisherUnitId, d.PublisherCode, d.PublisherName, d.PublisherDivision, organizationCreated),
            ["owner_org"] = d.PublisherUnitId.ToString(),
            ["private"] = false,
            ["state"] = "active",
            ["title"] = d.Title,
            ["type"] = "dataset",
            ["url"] = BasePlaceholder + "/opendata/datasets/" + d.Name,
            ["version"] = d.EntryVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["extras"] = new JsonArray(
                Extra("catalog_code", d.EntryCode),
                Extra("open_type", GradePolicy.OpenLabel(d.OpenType)),
                Extra("update_cycle", d.UpdateCycle),
                Extra("frequency", Vocabulary.FrequencyCode(d.UpdateCycle)),
                Extra("publisher_division", d.PublisherDivision)),
            ["groups"] = groups,
            ["resources"] = resources,
            ["tags"] = tags,
            ["relationships_as_object"] = new JsonArray(),
            ["relationships_as_subject"] = new JsonArray(),
        };
        return package.ToJsonString(Json);
    }

    public static JsonObject Resource(Dataset d, DatasetResource r) => new()
    {
        ["cache_last_updated"] = null,
        ["cache_url"] = null,
        ["created"] = Vocabulary.CkanTime(r.CreatedAt),
        ["datastore_active"] = true,
        ["description"] = $"{d.Title}（{r.Name}），可通过 datastore_search 按行查询，或下载 CSV、JSON、XLSX。",
        ["format"] = "CSV",
        ["hash"] = "",
        ["id"] = r.Id.ToString(),
        ["last_modified"] = null,
        ["metadata_modified"] = Vocabulary.CkanTime(d.ModifiedAt),
        ["mimetype"] = "text/csv",
        ["mimetype_inner"] = null,
        ["name"] = r.Name,
        ["package_id"] = d.Id.ToString(),
        ["position"] = r.Position,
        ["resource_type"] = null,
        ["size"] = null,
        ["state"] = "active",
        ["url"] = BasePlaceholder + $"/opendata/resources/{r.Id}/download.csv",
        ["url_type"] = null,
    };

    public static JsonObject Organization(Guid id, string code, string name, string division, DateTimeOffset created) => new()
    {
        ["id"] = id.ToString(),
        ["name"] = OrganizationName(code),
        ["title"] = name,
        ["type"] = "organization",
        ["description"] = $"{name}（统一社会信用代码 {code}，行政区划 {division}）",
        ["image_url"] = "",
        ["created"] = Vocabulary.CkanTime(created),
        ["is_organization"] = true,
        ["approval_status"] = "approved",
        ["state"] = "active",
    };

    public static string OrganizationName(string creditCode) => "org-" + creditCode.ToLowerInvariant();

    public static JsonObject Group(string theme) => new()
    {
        ["description"] = $"主题：{theme}",
        ["display_name"] = theme,
        ["id"] = Vocabulary.NameId("group", theme).ToString(),
        ["image_display_url"] = "",
        ["name"] = Vocabulary.ThemeSlug(theme),
        ["title"] = theme,
    };

    private static JsonObject Extra(string key, string value) => new() { ["key"] = key, ["value"] = value };

    private static string Absolute(string url) => url.StartsWith('/') ? BasePlaceholder + url : url;
}
