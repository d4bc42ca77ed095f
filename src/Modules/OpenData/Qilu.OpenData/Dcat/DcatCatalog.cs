using System.Globalization;
using Qilu.Catalog.Contracts;
using Qilu.OpenData.Datasets;

namespace Qilu.OpenData.Dcat;

/// <summary>
/// The portal's catalog as DCAT-AP 3 (the mapping ckanext-dcat's euro_dcat_ap_3 profile uses): the catalog, each
/// dataset with its publisher (foaf:Agent), contact point (vCard), themes (skos:Concept), frequency and access
/// rights from the EU authority tables, and one distribution per download format of each resource. Pages of
/// <see cref="PageSize"/> datasets carry Hydra paging as ckanext-dcat writes it.
/// </summary>
internal static class DcatCatalog
{
    public const int PageSize = 100;

    private const string Frequency = "http://publications.europa.eu/resource/authority/frequency/";
    private const string AccessRight = "http://publications.europa.eu/resource/authority/access-right/";
    private const string FileType = "http://publications.europa.eu/resource/authority/file-type/";
    private const string Language = "http://publications.europa.eu/resource/authority/language/ZHO";

    private static readonly (string Ext, string FileType, string Media)[] Formats =
    [
        ("csv", "CSV", "text/csv"), ("json", "JSON", "application/json"),
        ("xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ];

    public static string CatalogIri(string baseUrl) => baseUrl + "/catalog";

    public static string DatasetIri(string baseUrl, string name) => baseUrl + "/opendata/datasets/" + name;

    public static RdfGraph Catalog(string baseUrl, IReadOnlyList<Dataset> datasets, int total, int page, string ext, DateTimeOffset? modifiedSince)
    {
        var g = new RdfGraph();
        var catalog = CatalogIri(baseUrl);
        var agent = baseUrl + "/opendata#publisher";
        g.Add(catalog, Ns.Type, Ns.Dcat + "Catalog")
            .Add(catalog, Ns.Dct + "title", RdfTerm.Text("齐鲁公共数据开放目录"))
            .Add(catalog, Ns.Dct + "description", RdfTerm.Text("山东省公共数据开放平台（齐鲁）开放的数据集：无条件开放与有条件开放。"))
            .Add(catalog, Ns.Dct + "publisher", agent)
            .Add(catalog, Ns.Dct + "language", Language)
            .Add(catalog, Ns.Foaf + "homepage", baseUrl + "/opendata");
        if (datasets.Count > 0) g.Add(catalog, Ns.Dct + "modified", DateTime(datasets.Max(d => d.ModifiedAt)));
        g.Add(agent, Ns.Type, Ns.Foaf + "Agent").Add(agent, Ns.Foaf + "name", RdfTerm.Text("山东省大数据局"));
        foreach (var d in datasets) g.Add(catalog, Ns.Dcat + "dataset", DatasetIri(baseUrl, d.Name));
        foreach (var d in datasets) AddDataset(g, baseUrl, d);

        var lastPage = Math.Max(1, (total + PageSize - 1) / PageSize);
        var since = modifiedSince is { } m ? "&modified_since=" + Uri.EscapeDataString(m.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)) : "";
        string PageIri(int p) => string.Create(CultureInfo.InvariantCulture, $"{baseUrl}/catalog.{ext}?page={p}{since}");
        var collection = PageIri(page);
        g.Add(collection, Ns.Type, Ns.Hydra + "PagedCollection")
            .Add(collection, Ns.Hydra + "totalItems", RdfTerm.Typed(total.ToString(CultureInfo.InvariantCulture), Ns.Xsd + "integer"))
            .Add(collection, Ns.Hydra + "itemsPerPage", RdfTerm.Typed(PageSize.ToString(CultureInfo.InvariantCulture), Ns.Xsd + "integer"))
            .Add(collection, Ns.Hydra + "firstPage", RdfTerm.Text(PageIri(1), null))
            .Add(collection, Ns.Hydra + "lastPage", RdfTerm.Text(PageIri(lastPage), null));
        if (page > 1) g.Add(collection, Ns.Hydra + "previousPage", RdfTerm.Text(PageIri(page - 1), null));
        if (page < lastPage) g.Add(collection, Ns.Hydra + "nextPage", RdfTerm.Text(PageIri(page + 1), null));
        return g;
    }

    public static RdfGraph Single(string baseUrl, Dataset d)
    {
        var g = new RdfGraph();
        AddDataset(g, baseUrl, d);
        return g;
    }

    private static void AddDataset(RdfGraph g, string baseUrl, Dataset d)
    {
        var iri = DatasetIri(baseUrl, d.Name);
        var org = baseUrl + "/opendata/organizations/" + PackageDocument.OrganizationName(d.PublisherCode);
        var contact = iri + "#contact";
        g.Add(iri, Ns.Type, Ns.Dcat + "Dataset")
            .Add(iri, Ns.Dct + "title", RdfTerm.Text(d.Title))
            .Add(iri, Ns.Dct + "description", RdfTerm.Text(d.Description))
            .Add(iri, Ns.Dct + "identifier", RdfTerm.Text(d.Id.ToString(), null))
            .Add(iri, Ns.Adms + "identifier", RdfTerm.Text(d.EntryCode, null))
            .Add(iri, Ns.Dct + "issued", DateTime(d.CreatedAt))
            .Add(iri, Ns.Dct + "modified", DateTime(d.ModifiedAt))
            .Add(iri, Ns.Dct + "publisher", org)
            .Add(iri, Ns.Dct + "accrualPeriodicity", Frequency + Vocabulary.FrequencyCode(d.UpdateCycle))
            .Add(iri, Ns.Dct + "accessRights", AccessRight + (d.OpenType == OpenType.Unconditional ? "PUBLIC" : "RESTRICTED"))
            .Add(iri, Ns.Dct + "language", Language)
            .Add(iri, Ns.Dcat + "landingPage", iri)
            .Add(iri, Ns.Dcat + "contactPoint", contact);
        foreach (var tag in d.Tags) g.Add(iri, Ns.Dcat + "keyword", RdfTerm.Text(tag));
        if (d.Theme is { } theme)
        {
            var concept = baseUrl + "/opendata/themes/" + Vocabulary.ThemeSlug(theme);
            g.Add(iri, Ns.Dcat + "theme", concept);
            g.Add(concept, Ns.Type, Ns.Skos + "Concept").Add(concept, Ns.Skos + "prefLabel", RdfTerm.Text(theme));
        }
        g.Add(org, Ns.Type, Ns.Foaf + "Agent").Add(org, Ns.Foaf + "name", RdfTerm.Text(d.PublisherName));
        g.Add(contact, Ns.Type, Ns.Vcard + "Organization").Add(contact, Ns.Vcard + "fn", RdfTerm.Text(d.PublisherName));
        var license = Vocabulary.FindLicense(d.LicenseId);
        foreach (var r in d.Resources.OrderBy(r => r.Position))
        {
            foreach (var (ext, fileType, media) in Formats)
            {
                var dist = $"{baseUrl}/opendata/resources/{r.Id}#{ext}";
                g.Add(iri, Ns.Dcat + "distribution", dist);
                g.Add(dist, Ns.Type, Ns.Dcat + "Distribution")
                    .Add(dist, Ns.Dct + "title", RdfTerm.Text($"{r.Name}（{fileType}）"))
                    .Add(dist, Ns.Dcat + "accessURL", iri)
                    .Add(dist, Ns.Dcat + "downloadURL", $"{baseUrl}/opendata/resources/{r.Id}/download.{ext}")
                    .Add(dist, Ns.Dct + "format", FileType + fileType)
                    .Add(dist, Ns.Dcat + "mediaType", "https://www.iana.org/assignments/media-types/" + media)
                    .Add(dist, Ns.Dct + "modified", DateTime(d.ModifiedAt));
                if (license is not null)
                {
                    var url = license.Url.StartsWith('/') ? baseUrl + license.Url : license.Url;
                    g.Add(dist, Ns.Dct + "license", url);
                    g.Add(url, Ns.Type, Ns.Dct + "LicenseDocument").Add(url, Ns.Rdfs + "label", RdfTerm.Text(license.Title));
                }
            }
        }
    }

    private static RdfTerm DateTime(DateTimeOffset t) =>
        RdfTerm.Typed(t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), Ns.Xsd + "dateTime");
}
