namespace Qilu.Identity.Contracts;

/// <summary>Permissions of the Identity module, named after its use cases.</summary>
public static class IdentityPermissions
{
    public const string DivisionsRead = "identity.divisions.read";
    public const string DivisionsManage = "identity.divisions.manage";
    public const string DepartmentsRead = "identity.departments.read";
    public const string DepartmentsManage = "identity.departments.manage";
    public const string UsersRead = "identity.users.read";
    public const string UsersManage = "identity.users.manage";
    public const string UsersUnlock = "identity.users.unlock";
    public const string RolesRead = "identity.roles.read";
    public const string RolesManage = "identity.roles.manage";
    public const string RolesAssign = "identity.roles.assign";
    public const string ClientsRead = "identity.clients.read";
    public const string ClientsManage = "identity.clients.manage";
    public const string KeysRead = "platform.keys.read";
    public const string KeysRotate = "platform.keys.rotate";
    public const string AuditRead = "audit.log.read";
    public const string EnterpriseDelegate = "identity.enterprise.delegate";
    public const string Workbench = "workbench.use";
}
