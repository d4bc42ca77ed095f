namespace Qilu.Identity.Roles;

/// <summary>
/// The 三员 group a role belongs to (等保 level 3, separation of duties): an account may hold roles of at most one
/// administrative group, and no administrative role together with business roles of another group.
/// </summary>
internal enum DutyGroup
{
    /// <summary>Ordinary business roles.</summary>
    Business = 0,
    /// <summary>系统管理员: organisation, accounts, clients.</summary>
    SystemAdministration = 1,
    /// <summary>安全管理员: roles, permissions, keys, unlocks.</summary>
    SecurityAdministration = 2,
    /// <summary>审计管理员: reads the audit log, nothing else.</summary>
    AuditAdministration = 3,
}

/// <summary>A named bundle of permissions.</summary>
internal sealed class Role
{
    public required string Code { get; init; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public DutyGroup Group { get; init; }

    /// <summary>Built-in roles cannot be deleted; their permissions can be edited by the security administrator.</summary>
    public bool BuiltIn { get; init; }

    public List<RolePermission> Permissions { get; init; } = [];

    public uint Version { get; set; }
}

internal sealed class RolePermission
{
    public required string RoleCode { get; init; }

    public required string Permission { get; init; }
}
