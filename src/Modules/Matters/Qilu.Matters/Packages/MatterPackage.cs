using Qilu.Matters.Bundles;
using Qilu.Matters.Catalog;
using Qilu.Matters.Contracts;

namespace Qilu.Matters.Packages;

/// <summary>
/// A configuration package (一地创新、全省复用): one configured matter, or a bundle with its member matters, each with its
/// full effective elements (form, materials, routing rule, workflow key …) and where it came from. Importing adapts
/// the local elements (implementing unit, division, phones, address, hours) to the target.
/// </summary>
internal sealed record MatterPackage
{
    public const string CurrentFormat = "qilu.matters.package/1";

    public string Format { get; init; } = CurrentFormat;
    public required string Kind { get; init; }
    public required DateTimeOffset ExportedAt { get; init; }
    public required string SourceDivision { get; init; }
    public required IReadOnlyList<PackagedMatter> Matters { get; init; }
    public PackagedBundle? Bundle { get; init; }
}

/// <summary>A matter in a package.</summary>
internal sealed record PackagedMatter(string BasicCode, string Name, MatterType Type, MatterLevel Level, string UnitKind, string SourceDivision,
    string? SourceImplementationCode, string? SourceUnitName, MatterContent Content);

/// <summary>A bundle in a package.</summary>
internal sealed record PackagedBundle(string Code, BundleContent Content);

/// <summary>The local elements the importing city supplies.</summary>
internal sealed record LocalElements(string? ConsultPhone, string? SupervisionPhone, string? Location, string? Hours);

/// <summary>What importing a package into a division would do.</summary>
internal sealed record PackagePlan(string TargetDivision, IReadOnlyList<PlannedMatter> Matters, PlannedBundle? Bundle, IReadOnlyList<Qilu.SharedKernel.Results.Error> Errors);

/// <summary>One matter of a plan: create an implementation or write a new draft of the existing one.</summary>
internal sealed record PlannedMatter(string BasicCode, string Name, string Action, Guid? ExistingId, ImplementingUnit? Unit, string? ImplementationCode,
    IReadOnlyList<PlannedChange> Changes, IReadOnlyList<string> DeviatingElements, MatterContent Effective);

/// <summary>A change the import makes to an element, from the package's value to the target's.</summary>
internal sealed record PlannedChange(string Element, string ElementZh, string From, string To);

/// <summary>The bundle of a plan.</summary>
internal sealed record PlannedBundle(string Code, string Name, string Action);
