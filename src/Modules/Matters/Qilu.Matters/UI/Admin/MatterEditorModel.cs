using Qilu.Matters.Catalog;
using Qilu.Matters.Contracts;

namespace Qilu.Matters.UI.Admin;

/// <summary>
/// The editable elements of a matter as the editor binds them (text boxes hold "" where the content holds null).
/// Elements the editor does not show (procedure, form, routing, workflow, keywords) pass through unchanged.
/// </summary>
internal sealed class MatterEditorModel
{
    public string Name { get; set; } = "";
    public string LegalBasis { get; set; } = "";
    public string AcceptanceConditions { get; set; } = "";
    public List<MaterialRow> Materials { get; set; } = [];
    public int? StatutoryLimitDays { get; set; }
    public int? PromisedLimitDays { get; set; }
    public bool Charged { get; set; }
    public string FeeStandard { get; set; } = "";
    public string FeeBasis { get; set; } = "";
    public string Location { get; set; } = "";
    public string Hours { get; set; } = "";
    public string ConsultPhone { get; set; } = "";
    public string SupervisionPhone { get; set; } = "";
    public int? OnlineDepth { get; set; }
    public int? OnSiteVisits { get; set; }
    private MatterContent _rest = new();

    /// <summary>A material row of the editor.</summary>
    internal sealed class MaterialRow
    {
        public string Name { get; set; } = "";
        public MaterialForm Form { get; set; } = MaterialForm.Original;
        public int Copies { get; set; } = 1;
        public MaterialSourceKind Source { get; set; } = MaterialSourceKind.Upload;
        public string SourceCode { get; set; } = "";
        public bool Required { get; set; } = true;
        public string Note { get; set; } = "";

        public MaterialDefinition ToDefinition() => new(Name.Trim(), Form, Copies, Source, Blank(SourceCode), Required, Blank(Note));

        public static MaterialRow From(MaterialDefinition m) => new()
        {
            Name = m.Name, Form = m.Form, Copies = m.Copies, Source = m.Source, SourceCode = m.SourceCode ?? "", Required = m.Required, Note = m.Note ?? "",
        };
    }

    public static MatterEditorModel From(MatterContent c) => new()
    {
        Name = c.Name ?? "", LegalBasis = c.LegalBasis ?? "", AcceptanceConditions = c.AcceptanceConditions ?? "",
        Materials = [.. (c.Materials ?? []).Select(MaterialRow.From)],
        StatutoryLimitDays = c.StatutoryLimitDays, PromisedLimitDays = c.PromisedLimitDays,
        Charged = c.Fee?.Charged ?? false, FeeStandard = c.Fee?.Standard ?? "", FeeBasis = c.Fee?.Basis ?? "",
        Location = c.Location ?? "", Hours = c.Hours ?? "", ConsultPhone = c.ConsultPhone ?? "", SupervisionPhone = c.SupervisionPhone ?? "",
        OnlineDepth = c.OnlineDepth, OnSiteVisits = c.OnSiteVisits, _rest = c,
    };

    /// <summary>The content the editor now shows (what <see cref="UpdateMatter"/> receives).</summary>
    public MatterContent ToContent() => _rest with
    {
        Name = Blank(Name), LegalBasis = Blank(LegalBasis), AcceptanceConditions = Blank(AcceptanceConditions),
        Materials = [.. Materials.Select(m => m.ToDefinition())],
        StatutoryLimitDays = StatutoryLimitDays, PromisedLimitDays = PromisedLimitDays,
        Fee = Charged ? new FeeDefinition(true, Blank(FeeStandard), Blank(FeeBasis)) : new FeeDefinition(false),
        Location = Blank(Location), Hours = Blank(Hours), ConsultPhone = Blank(ConsultPhone), SupervisionPhone = Blank(SupervisionPhone),
        OnlineDepth = OnlineDepth, OnSiteVisits = OnSiteVisits,
    };

    /// <summary>Sets one element back to <paramref name="standard"/>'s value (an implementation dropping a deviation).</summary>
    public void Reset(string key, MatterContent standard)
    {
        var s = From(standard);
        switch (key)
        {
            case "name": Name = s.Name; break;
            case "legalBasis": LegalBasis = s.LegalBasis; break;
            case "acceptanceConditions": AcceptanceConditions = s.AcceptanceConditions; break;
            case "materials": Materials = s.Materials; break;
            case "statutoryLimitDays": StatutoryLimitDays = s.StatutoryLimitDays; break;
            case "promisedLimitDays": PromisedLimitDays = s.PromisedLimitDays; break;
            case "fee": (Charged, FeeStandard, FeeBasis) = (s.Charged, s.FeeStandard, s.FeeBasis); break;
            case "onlineDepth": OnlineDepth = s.OnlineDepth; break;
            case "onSiteVisits": OnSiteVisits = s.OnSiteVisits; break;
            default: break;
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
