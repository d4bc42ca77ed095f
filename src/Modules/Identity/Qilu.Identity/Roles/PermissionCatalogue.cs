using System.Reflection;
using Qilu.Identity.Contracts;

namespace Qilu.Identity.Roles;

/// <summary>
/// The permissions the role editor offers: every constant of <see cref="IdentityPermissions"/> (collected by
/// reflection so a new constant appears without editing this list) with Chinese and English labels.
/// </summary>
internal static class PermissionCatalogue
{
    public static IReadOnlyList<string> Known { get; } = [.. typeof(IdentityPermissions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal)];

    public static IReadOnlyDictionary<string, (string Zh, string En)> Names { get; } = new Dictionary<string, (string, string)>
    {
        [IdentityPermissions.DivisionsRead] = ("查看行政区划", "View divisions"),
        [IdentityPermissions.DivisionsManage] = ("维护行政区划", "Manage divisions"),
        [IdentityPermissions.DepartmentsRead] = ("查看部门单位", "View departments"),
        [IdentityPermissions.DepartmentsManage] = ("维护部门单位", "Manage departments"),
        [IdentityPermissions.UsersRead] = ("查看用户", "View users"),
        [IdentityPermissions.UsersManage] = ("管理用户", "Manage users"),
        [IdentityPermissions.UsersUnlock] = ("解锁账号", "Unlock accounts"),
        [IdentityPermissions.RolesRead] = ("查看角色", "View roles"),
        [IdentityPermissions.RolesManage] = ("修改角色权限", "Edit role permissions"),
        [IdentityPermissions.RolesAssign] = ("分配用户角色", "Assign roles"),
        [IdentityPermissions.ClientsRead] = ("查看接入应用", "View clients"),
        [IdentityPermissions.ClientsManage] = ("注册接入应用", "Register clients"),
        [IdentityPermissions.KeysRead] = ("查看密钥", "View keys"),
        [IdentityPermissions.KeysRotate] = ("轮换密钥", "Rotate keys"),
        [IdentityPermissions.AuditRead] = ("查看审计日志", "Read the audit log"),
        [IdentityPermissions.Workbench] = ("使用工作台", "Use the workbench"),
    };
}
