namespace Qilu.Identity.Contracts;

/// <summary>A unit (单位/部门) as other modules see it.</summary>
/// <param name="Id">Stable id (the <c>DepartmentId</c> of officials acting for it).</param>
/// <param name="Name">Full name, e.g. 济南市市场监督管理局.</param>
/// <param name="CreditCode">统一社会信用代码 of the unit.</param>
/// <param name="DivisionCode">行政区划代码 the unit governs.</param>
/// <param name="Kind">Functional kind shared by counterparts at every level (<c>market</c>, <c>public_security</c> …).</param>
public sealed record UnitInfo(Guid Id, string Name, string CreditCode, string DivisionCode, string Kind);

/// <summary>A 行政区划 as other modules see it.</summary>
/// <param name="Code">GB/T 2260 code (6 digits, or 9 for towns).</param>
/// <param name="Name">Name, e.g. 历下区.</param>
/// <param name="Level">1 province, 2 city, 3 county, 4 town.</param>
/// <param name="ParentCode">Parent division, null for the province.</param>
public sealed record DivisionInfo(string Code, string Name, int Level, string? ParentCode);

/// <summary>
/// Read-only view of the organisation (divisions and units) for other modules: routing a case to the responsible
/// unit, naming an issuing authority, scoping a catalog. Active records only.
/// </summary>
public interface IOrganisationDirectory
{
    /// <summary>The unit with this id, or null.</summary>
    Task<UnitInfo?> FindUnitAsync(Guid id, CancellationToken ct = default);

    /// <summary>The unit with this 统一社会信用代码, or null.</summary>
    Task<UnitInfo?> FindUnitByCreditCodeAsync(string creditCode, CancellationToken ct = default);

    /// <summary>
    /// The unit of <paramref name="kind"/> that governs <paramref name="divisionCode"/>: the one at that division, or
    /// failing that the nearest ancestor's (a town's matter is handled by its county's bureau).
    /// </summary>
    Task<UnitInfo?> FindResponsibleUnitAsync(string kind, string divisionCode, CancellationToken ct = default);

    /// <summary>Units, optionally within a division subtree (by code prefix rules of GB/T 2260) and of one kind.</summary>
    Task<IReadOnlyList<UnitInfo>> ListUnitsAsync(string? divisionCode = null, string? kind = null, CancellationToken ct = default);

    /// <summary>The division with this code, or null.</summary>
    Task<DivisionInfo?> FindDivisionAsync(string code, CancellationToken ct = default);

    /// <summary>The active divisions directly under <paramref name="code"/> (a province's cities, a city's counties), by code.</summary>
    Task<IReadOnlyList<DivisionInfo>> ChildrenAsync(string code, CancellationToken ct = default);

    /// <summary>The division and its ancestors, nearest first (历下区, 济南市, 山东省).</summary>
    Task<IReadOnlyList<DivisionInfo>> AncestryAsync(string code, CancellationToken ct = default);
}
