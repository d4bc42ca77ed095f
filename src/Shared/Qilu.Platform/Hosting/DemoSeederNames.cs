namespace Qilu.Platform.Hosting;

/// <summary>
/// The demo seeders' names (<see cref="IDemoSeeder.Name"/>), so that a seeder can name another module's seeder in
/// <see cref="IDemoSeeder.DependsOn"/> without referencing its (internal) type. The lanes they form: Identity first
/// (divisions' departments, accounts); then Trust seals → Trust certificates, Hotline, Matters, and Catalog entries
/// → Catalog resources → (Open data, Sharing) side by side.
/// </summary>
public static class DemoSeederNames
{
    /// <summary>Identity: departments, accounts, the demo enterprise and OIDC clients (every other seeder needs them).</summary>
    public const string IdentityProvince = "identity.province";

    /// <summary>Trust: a seal in use for each issuing unit.</summary>
    public const string TrustSeals = "trust.seals";

    /// <summary>Trust: 张三's certificates (signed with the seals).</summary>
    public const string TrustCertificates = "trust.certificates";

    /// <summary>Hotline: knowledge base, Open311 key and tickets.</summary>
    public const string Hotline = "hotline";

    /// <summary>Matters: the standard matters, implementations and bundles.</summary>
    public const string Matters = "matters";

    /// <summary>Catalog: elements' source units and the departments' entries.</summary>
    public const string CatalogEntries = "catalog.entries";

    /// <summary>Catalog: the demo tables mounted on published entries and their rows.</summary>
    public const string CatalogResources = "catalog.resources";

    /// <summary>Open data: datasets opened on 济南's published open entries.</summary>
    public const string OpenData = "opendata";

    /// <summary>Sharing: applications at every stage, gateway calls and needs.</summary>
    public const string Sharing = "sharing";
}
