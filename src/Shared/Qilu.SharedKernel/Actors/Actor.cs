namespace Qilu.SharedKernel.Actors;

/// <summary>What kind of party is acting.</summary>
public enum ActorKind
{
    /// <summary>Nobody signed in (public portal pages, open data).</summary>
    Anonymous,
    /// <summary>A government official (公职人员) acting for a department (unit).</summary>
    Official,
    /// <summary>A natural person (自然人).</summary>
    Citizen,
    /// <summary>A person acting for an enterprise (法人) as legal representative or authorised agent (经办人).</summary>
    EnterpriseAgent,
    /// <summary>Another government system using client credentials.</summary>
    SystemClient,
}

/// <summary>
/// 实名 level: how strongly the person's identity was verified. Matches the <c>acr</c> claim in tokens.
/// </summary>
public enum RealNameLevel
{
    /// <summary>Unverified registration.</summary>
    None = 0,
    /// <summary>L1: identifier and name checked against a register (实名).</summary>
    Basic = 1,
    /// <summary>L2: plus possession of a verified phone or bank card (实人 weak).</summary>
    Verified = 2,
    /// <summary>L3: face or in-person verification (实人).</summary>
    InPerson = 3,
}

/// <summary>
/// Who is acting, for which unit, with which permissions. Every use case receives one; every query is scoped by it.
/// </summary>
/// <param name="Kind">Kind of party.</param>
/// <param name="SubjectId">Stable account or client id; empty for anonymous.</param>
/// <param name="DisplayName">Name to show (already safe to display).</param>
/// <param name="DivisionCode">行政区划代码 of the actor's unit; the root of the data scope. Null: no division scope (citizens).</param>
/// <param name="DepartmentId">Department (unit) the official acts for, if any.</param>
/// <param name="Roles">Role codes.</param>
/// <param name="Permissions">Permission names (use-case names such as <c>identity.users.read</c>).</param>
/// <param name="RealNameLevel">实名 level.</param>
/// <param name="EnterpriseCreditCode">For enterprise agents: 统一社会信用代码 of the enterprise acted for.</param>
public sealed record Actor(
    ActorKind Kind,
    string SubjectId,
    string DisplayName,
    string? DivisionCode,
    Guid? DepartmentId,
    IReadOnlySet<string> Roles,
    IReadOnlySet<string> Permissions,
    RealNameLevel RealNameLevel,
    string? EnterpriseCreditCode = null)
{
    /// <summary>The anonymous actor: no permissions, no scope.</summary>
    public static Actor Anonymous { get; } = new(ActorKind.Anonymous, "", "匿名", null, null,
        new HashSet<string>(), new HashSet<string>(), RealNameLevel.None);

    public bool IsAuthenticated => Kind != ActorKind.Anonymous;

    public bool Has(string permission) => Permissions.Contains(permission);

    /// <summary>
    /// True when <paramref name="divisionCode"/> lies in the actor's division subtree. Division codes are
    /// hierarchical by prefix once trailing zero groups are removed (GB/T 2260: 37 / 3701 / 370102 / 370102001).
    /// </summary>
    public bool CanSeeDivision(string? divisionCode)
    {
        if (DivisionCode is null || divisionCode is null) return false;
        var scope = DivisionScope.PrefixOf(DivisionCode);
        return divisionCode.StartsWith(scope, StringComparison.Ordinal);
    }
}
