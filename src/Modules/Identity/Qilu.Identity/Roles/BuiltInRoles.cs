using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using P = Qilu.Identity.Contracts.IdentityPermissions;

namespace Qilu.Identity.Roles;

/// <summary>The roles every deployment starts with. Codes are stable; names are shown in the admin console.</summary>
internal static class BuiltInRoles
{
    public const string SystemAdministrator = WellKnownRoles.SystemAdministrator;
    public const string SecurityAdministrator = WellKnownRoles.SecurityAdministrator;
    public const string AuditAdministrator = WellKnownRoles.AuditAdministrator;
    public const string Official = WellKnownRoles.Official;
    public const string ChiefDataOfficer = WellKnownRoles.ChiefDataOfficer;
    public const string DataOfficer = WellKnownRoles.DataOfficer;
    public const string Citizen = WellKnownRoles.Citizen;
    public const string EnterpriseAgent = WellKnownRoles.EnterpriseAgent;
    public const string HotlineAgent = WellKnownRoles.HotlineAgent;
    public const string HotlineDispatcher = WellKnownRoles.HotlineDispatcher;

    public static IReadOnlyList<(string Code, string Zh, string En, DutyGroup Group, string[] Permissions)> All { get; } =
    [
        (SystemAdministrator, "系统管理员", "System administrator", DutyGroup.SystemAdministration,
            [P.DivisionsRead, P.DivisionsManage, P.DepartmentsRead, P.DepartmentsManage, P.UsersRead, P.UsersManage,
             P.RolesRead, P.ClientsRead, P.ClientsManage]),
        (SecurityAdministrator, "安全管理员", "Security administrator", DutyGroup.SecurityAdministration,
            [P.UsersRead, P.UsersUnlock, P.RolesRead, P.RolesManage, P.RolesAssign, P.KeysRead, P.KeysRotate, P.DepartmentsRead, P.DivisionsRead]),
        (AuditAdministrator, "审计管理员", "Audit administrator", DutyGroup.AuditAdministration,
            [P.AuditRead]),
        (Official, "工作人员", "Official", DutyGroup.Business,
            [P.Workbench, P.DivisionsRead, P.DepartmentsRead]),
        (ChiefDataOfficer, "首席数据官", "Chief data officer", DutyGroup.Business,
            [P.Workbench, P.DivisionsRead, P.DepartmentsRead, P.UsersRead]),
        (DataOfficer, "数据专员", "Data officer", DutyGroup.Business,
            [P.Workbench, P.DivisionsRead, P.DepartmentsRead]),
        (Citizen, "自然人", "Citizen", DutyGroup.Business, []),
        (EnterpriseAgent, "企业经办人", "Enterprise agent", DutyGroup.Business, []),
        (HotlineAgent, "12345话务员", "12345 hotline agent", DutyGroup.Business, [P.Workbench, P.DivisionsRead, P.DepartmentsRead]),
        (HotlineDispatcher, "12345派单员", "12345 hotline dispatcher", DutyGroup.Business, [P.Workbench, P.DivisionsRead, P.DepartmentsRead]),
    ];

    /// <summary>Permissions only the audit group may ever hold, whatever an administrator edits.</summary>
    public static readonly IReadOnlySet<string> AuditOnly = new HashSet<string> { IdentityPermissions.AuditRead };
}
