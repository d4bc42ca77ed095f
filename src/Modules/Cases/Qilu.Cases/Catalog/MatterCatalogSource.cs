using Qilu.Matters.Contracts;

namespace Qilu.Cases.Catalog;

/// <summary>
/// The case catalog read from the Matters module's published catalog (<see cref="IMatterCatalog"/>): a matter or
/// bundle as effective in the applicant's division. Material keys follow the bundle merge's scheme
/// (<c>cert:{type}</c>, <c>data:{entry}</c>, <c>name:{name}</c>) for single matters too, so an API client names a
/// material the same way in both.
/// </summary>
internal sealed class MatterCatalogSource(IMatterCatalog catalog) : ICaseCatalog
{
    public async Task<CaseMatter?> FindMatterAsync(string basicCode, string divisionCode, CancellationToken ct = default) =>
        await catalog.FindMatterAsync(basicCode, divisionCode, ct) is { ImplementationCode: not null } m ? Map(m) : null;

    public async Task<CaseBundle?> FindBundleAsync(string bundleCode, string divisionCode, CancellationToken ct = default)
    {
        var b = await catalog.FindBundleAsync(bundleCode, divisionCode, ct);
        if (b is null) return null;
        var members = b.Members.Select(member =>
        {
            var matter = Map(member.Matter);
            var fieldKeys = b.Form.Where(f => f.SourceKeys.ContainsKey(matter.BasicCode))
                .ToDictionary(f => f.SourceKeys[matter.BasicCode], f => f.Key, StringComparer.Ordinal);
            var materialKeys = b.Materials.Where(x => x.UsedBy.Contains(matter.BasicCode)).ToDictionary(x => x.Key, x => x.Key, StringComparer.Ordinal);
            return new CaseBundleMember(matter, member.AppliesWhen, fieldKeys, materialKeys);
        }).ToList();
        return new CaseBundle(b.Code, b.Name, b.CoordinatorUnitKind, b.DivisionCode, members, [.. b.Form.Select(f => Field(f.Field) with { Key = f.Key })],
            [.. b.Materials.Select(x => Material(x.Material, x.Key))], b.Offer is { } o ? new CaseOfferConfig(o.TriggerEvent, o.Audience, o.ExpiryDays, o.TriggerCertificateType, o.Prefill) : null,
            b.PromisedLimitDays);
    }

    public Task<IReadOnlyList<string>> BundlesTriggeredByAsync(string eventName, CancellationToken ct = default) => catalog.BundlesTriggeredByAsync(eventName, ct);

    private static CaseMatter Map(MatterDefinition m) => new(m.BasicCode, m.ImplementationCode, m.Name, MatterTypeNames.Zh(m.Type), m.Type == MatterType.AdministrativeLicence,
        m.DivisionCode, m.Routing.UnitKind.Length > 0 ? m.Routing.UnitKind : m.ImplementingUnit?.Kind ?? "", m.Routing.Rule is { Length: > 0 } r && r != "null" ? r : null,
        m.PromisedLimitDays, m.StatutoryLimitDays, m.WorkflowKey.Length > 0 ? m.WorkflowKey : $"matter.{m.BasicCode}",
        [.. m.Form.Fields.Select(Field)], [.. m.Materials.Select(x => Material(x, KeyOf(x)))]);

    private static CaseField Field(FormFieldDefinition f) => new(f.Key, f.Label, (CaseFieldType)(int)f.Type, f.DataElement, f.Required, f.Options, f.MinLength,
        f.MaxLength, f.Pattern, f.Min, f.Max, f.VisibleWhen, f.Computed, f.Help);

    private static CaseMaterial Material(MaterialDefinition m, string key) => new(key, m.Name, (CaseMaterialSource)(int)m.Source, m.SourceCode, m.Required, m.Note);

    /// <summary>The bundle merge's dedup key of a material.</summary>
    public static string KeyOf(MaterialDefinition m) => m.Source switch
    {
        MaterialSourceKind.Certificate when m.SourceCode is not null => $"cert:{m.SourceCode}",
        MaterialSourceKind.SharedData when m.SourceCode is not null => $"data:{m.SourceCode}",
        _ => $"name:{m.Name.Trim()}",
    };
}
