using Qilu.SharedKernel.Results;

namespace Qilu.Identity.Roles;

/// <summary>
/// 三员分立 (GB/T 22239-2019 level 3, 8.1.4.2/8.1.10): system, security and audit administration are held by
/// different people. An account may hold roles of at most one administrative group, and administrative accounts
/// hold no business roles, so no one can both act and erase the trace of acting.
/// </summary>
internal static class SeparationOfDuties
{
    public static Error? Check(IEnumerable<Role> roles)
    {
        var groups = roles.Select(r => r.Group).Distinct().ToList();
        var admin = groups.Where(g => g != DutyGroup.Business).ToList();
        if (admin.Count > 1)
            return new Error("roles.separation_of_duties", "系统管理员、安全管理员、审计管理员不得由同一账号兼任（三员分立）",
                "System, security and audit administration may not be combined in one account (separation of duties)", "roles");
        if (admin.Count == 1 && groups.Contains(DutyGroup.Business))
            return new Error("roles.separation_of_duties", "管理员账号不得同时持有业务角色（三员分立）",
                "An administrator account may not also hold business roles (separation of duties)", "roles");
        return null;
    }

    /// <summary>A permission edit must not give audit-log access to a non-audit role.</summary>
    public static Error? CheckPermissionEdit(Role role, IEnumerable<string> permissions)
    {
        if (role.Group != DutyGroup.AuditAdministration && permissions.Any(BuiltInRoles.AuditOnly.Contains))
            return new Error("roles.audit_permission_reserved", "审计日志查看权限只能授予审计管理员角色",
                "Audit-log access is reserved to the audit administrator role", "permissions");
        return null;
    }
}
