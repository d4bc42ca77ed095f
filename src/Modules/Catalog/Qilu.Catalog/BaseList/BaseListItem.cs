using Qilu.Catalog.Contracts;

namespace Qilu.Catalog.BaseList;

/// <summary>
/// An item of the provincial base list (省级目录基础清单): a catalog entry every unit of a department kind is expected
/// to provide. A unit claims (认领) it, which creates its own draft entry from this template.
/// </summary>
internal sealed class BaseListItem
{
    public required string Code { get; init; }

    public required string Name { get; set; }

    /// <summary>Department kind expected to provide it (market, public_security …).</summary>
    public required string DepartmentKind { get; set; }

    public CatalogCategory Category { get; set; }

    public string? Theme { get; set; }

    public string Abstract { get; set; } = "";

    public ShareType ShareType { get; set; }

    public string? ShareCondition { get; set; }

    public string? LegalBasis { get; set; }

    public OpenType OpenType { get; set; }

    public ResourceFormat Format { get; set; }

    public string UpdateCycle { get; set; } = "";

    /// <summary>Default impact object of the grading (GB/T 43697).</summary>
    public string? ImpactObject { get; set; }

    /// <summary>Default impact degree of the grading.</summary>
    public string? ImpactDegree { get; set; }

    /// <summary>Template items as <c>element identifier|field name</c> lines; grades default from the elements.</summary>
    public string ItemsText { get; set; } = "";
}
