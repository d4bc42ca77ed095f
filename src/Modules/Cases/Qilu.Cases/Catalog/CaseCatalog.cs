namespace Qilu.Cases.Catalog;

/// <summary>Field types a case form holds (the Matters module's form field types).</summary>
internal enum CaseFieldType
{
    Text = 1,
    TextArea = 2,
    Number = 3,
    Date = 4,
    Choice = 5,
    Boolean = 6,
    IdNumber = 7,
    Phone = 8,
    CreditCode = 9,
    Division = 10,
    Address = 11,
}

/// <summary>Where a material comes from.</summary>
internal enum CaseMaterialSource
{
    Upload = 1,
    Certificate = 2,
    SharedData = 3,
    Exempt = 4,
}

/// <summary>A form field as the Cases module applies it.</summary>
internal sealed record CaseField(string Key, string Label, CaseFieldType Type, string? DataElement = null, bool Required = false,
    IReadOnlyList<string>? Options = null, int? MinLength = null, int? MaxLength = null, string? Pattern = null, decimal? Min = null,
    decimal? Max = null, string? VisibleWhen = null, string? Computed = null, string? Help = null);

/// <summary>A required material; <see cref="Key"/> is stable within the matter or bundle.</summary>
internal sealed record CaseMaterial(string Key, string Name, CaseMaterialSource Source, string? SourceCode, bool Required, string? Note);

/// <summary>A matter as offered in one division, with what a case needs of it.</summary>
internal sealed record CaseMatter(string BasicCode, string? ImplementationCode, string Name, string TypeName, bool IsLicence, string DivisionCode,
    string UnitKind, string? RoutingRule, int PromisedLimitDays, int StatutoryLimitDays, string WorkflowKey, IReadOnlyList<CaseField> Fields,
    IReadOnlyList<CaseMaterial> Materials);

/// <summary>A bundle member: its matter, when it applies, and how its own field keys map to the merged form's keys.</summary>
internal sealed record CaseBundleMember(CaseMatter Matter, string? AppliesWhen, IReadOnlyDictionary<string, string> FieldKeys,
    IReadOnlyDictionary<string, string> MaterialKeys);

/// <summary>Proactive offer configuration of a bundle: trigger, audience, expiry, and the form keys prefilled from the triggering certificate.</summary>
internal sealed record CaseOfferConfig(string TriggerEvent, string Audience, int ExpiryDays, string? TriggerCertificateType = null,
    IReadOnlyDictionary<string, string>? Prefill = null);

/// <summary>A 一件事 bundle as offered in one division.</summary>
internal sealed record CaseBundle(string Code, string Name, string CoordinatorUnitKind, string DivisionCode, IReadOnlyList<CaseBundleMember> Members,
    IReadOnlyList<CaseField> Fields, IReadOnlyList<CaseMaterial> Materials, CaseOfferConfig? Offer, int PromisedLimitDays);

/// <summary>
/// The Cases module's view of the matter catalog. The host's implementation reads the Matters module's
/// <c>IMatterCatalog</c>; the seam keeps the lifecycle independent of how the catalog stores its versions.
/// </summary>
internal interface ICaseCatalog
{
    /// <summary>The matter as offered in the division, or null when it is not offered there.</summary>
    Task<CaseMatter?> FindMatterAsync(string basicCode, string divisionCode, CancellationToken ct = default);

    /// <summary>The bundle as offered in the division, or null.</summary>
    Task<CaseBundle?> FindBundleAsync(string bundleCode, string divisionCode, CancellationToken ct = default);

    /// <summary>Codes of bundles whose proactive offer the event triggers.</summary>
    Task<IReadOnlyList<string>> BundlesTriggeredByAsync(string eventName, CancellationToken ct = default);
}
