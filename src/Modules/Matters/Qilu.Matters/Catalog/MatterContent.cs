using System.Text.Json;
using System.Text.Json.Serialization;
using Qilu.Matters.Contracts;

namespace Qilu.Matters.Catalog;

/// <summary>
/// The elements of one version of a matter. A provincial standard carries every element; a local implementation
/// carries only what it sets itself (its local elements and any deviation) and inherits the rest from the standard's
/// published version, so a new standard version reaches every implementation that did not deviate.
/// </summary>
internal sealed record MatterContent
{
    public string? Name { get; init; }
    public string? LegalBasis { get; init; }
    public string? AcceptanceConditions { get; init; }
    public IReadOnlyList<MaterialDefinition>? Materials { get; init; }
    public IReadOnlyList<ProcedureStep>? Procedure { get; init; }
    public int? StatutoryLimitDays { get; init; }
    public int? PromisedLimitDays { get; init; }
    public FeeDefinition? Fee { get; init; }
    public string? Location { get; init; }
    public string? Hours { get; init; }
    public string? ConsultPhone { get; init; }
    public string? SupervisionPhone { get; init; }
    public int? OnlineDepth { get; init; }
    public int? OnSiteVisits { get; init; }
    public FormDefinition? Form { get; init; }
    public RoutingDefinition? Routing { get; init; }
    public string? WorkflowKey { get; init; }
    public IReadOnlyList<string>? Keywords { get; init; }

    /// <summary>This content's elements over <paramref name="standard"/>'s (null elements inherit).</summary>
    public MatterContent Over(MatterContent standard) => new()
    {
        Name = Name ?? standard.Name,
        LegalBasis = LegalBasis ?? standard.LegalBasis,
        AcceptanceConditions = AcceptanceConditions ?? standard.AcceptanceConditions,
        Materials = Materials ?? standard.Materials,
        Procedure = Procedure ?? standard.Procedure,
        StatutoryLimitDays = StatutoryLimitDays ?? standard.StatutoryLimitDays,
        PromisedLimitDays = PromisedLimitDays ?? standard.PromisedLimitDays,
        Fee = Fee ?? standard.Fee,
        Location = Location ?? standard.Location,
        Hours = Hours ?? standard.Hours,
        ConsultPhone = ConsultPhone ?? standard.ConsultPhone,
        SupervisionPhone = SupervisionPhone ?? standard.SupervisionPhone,
        OnlineDepth = OnlineDepth ?? standard.OnlineDepth,
        OnSiteVisits = OnSiteVisits ?? standard.OnSiteVisits,
        Form = Form ?? standard.Form,
        Routing = Routing ?? standard.Routing,
        WorkflowKey = WorkflowKey ?? standard.WorkflowKey,
        Keywords = Keywords ?? standard.Keywords,
    };

    /// <summary>
    /// The elements of <paramref name="effective"/> that differ from <paramref name="standard"/>, plus the local
    /// elements, which an implementation always owns: what an implementation stores.
    /// </summary>
    public static MatterContent OverridesOf(MatterContent effective, MatterContent standard)
    {
        var result = new MatterContent();
        foreach (var e in MatterElements.All)
        {
            var mine = e.Get(effective);
            if (mine is null) continue;
            if (e.Local || !MatterElements.SameValue(mine, e.Get(standard))) result = e.Set(result, mine);
        }
        return result;
    }

    public string ToJson() => JsonSerializer.Serialize(this, MattersJson.Options);

    public static MatterContent FromJson(string json) => JsonSerializer.Deserialize<MatterContent>(json, MattersJson.Options) ?? new MatterContent();
}

/// <summary>JSON settings for stored content, packages and API bodies of this module.</summary>
internal static class MattersJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static JsonSerializerOptions Indented { get; } = new(Options) { WriteIndented = true };
}
