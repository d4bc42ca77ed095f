using Microsoft.Extensions.DependencyInjection;
using Qilu.Identity.Contracts;
using Qilu.Platform.Modules;

namespace Qilu.Identity;

/// <summary>The Identity module's entries in the admin console and workbench.</summary>
internal static class IdentityMenu
{
    public static void Add(IServiceCollection services)
    {
        MenuEntry[] entries =
        [
            new(ShellFace.Admin, "/admin/divisions", "行政区划", "Divisions", "apartment", IdentityPermissions.DivisionsRead, 10, "组织机构", "Organisation"),
            new(ShellFace.Admin, "/admin/departments", "部门单位", "Departments", "bank", IdentityPermissions.DepartmentsRead, 20, "组织机构", "Organisation"),
            new(ShellFace.Admin, "/admin/users", "用户管理", "Users", "team", IdentityPermissions.UsersRead, 30, "账号与权限", "Accounts"),
            new(ShellFace.Admin, "/admin/roles", "角色权限", "Roles", "safety-certificate", IdentityPermissions.RolesRead, 40, "账号与权限", "Accounts"),
            new(ShellFace.Admin, "/admin/clients", "接入应用", "Clients", "api", IdentityPermissions.ClientsRead, 50, "统一认证", "Sign-on"),
            new(ShellFace.Admin, "/admin/keys", "密钥管理", "Keys", "key", IdentityPermissions.KeysRead, 60, "安全", "Security"),
            new(ShellFace.Portal, "/portal/me", "我的账号", "My account", "user", null, 90),
            new(ShellFace.Workbench, "/workbench/profile", "账号安全", "Account security", "safety", IdentityPermissions.Workbench, 90),
            new(ShellFace.Admin, "/admin/audit", "审计日志", "Audit log", "audit", IdentityPermissions.AuditRead, 70, "安全", "Security"),
        ];
        foreach (var e in entries) services.AddSingleton(e);
    }
}
