namespace Qilu.Identity.Contracts;

/// <summary>Permissions of the Identity module, named after its use cases. Roles bundle them (Roles/BuiltInRoles.cs).</summary>
public static class IdentityPermissions
{
    /// <summary>Read the division tree within one's scope.</summary>
    public const string DivisionsRead = "identity.divisions.read";

    /// <summary>Import and rename divisions within one's scope.</summary>
    public const string DivisionsManage = "identity.divisions.manage";

    /// <summary>Read departments (units) within one's scope.</summary>
    public const string DepartmentsRead = "identity.departments.read";

    /// <summary>Create and change departments.</summary>
    public const string DepartmentsManage = "identity.departments.manage";

    /// <summary>Read accounts within one's division subtree (personal data masked).</summary>
    public const string UsersRead = "identity.users.read";

    /// <summary>Create and disable officials' accounts.</summary>
    public const string UsersManage = "identity.users.manage";

    /// <summary>Lift a lockout (security administrator).</summary>
    public const string UsersUnlock = "identity.users.unlock";

    /// <summary>Read roles and their permissions.</summary>
    public const string RolesRead = "identity.roles.read";

    /// <summary>Edit a role's permissions (security administrator).</summary>
    public const string RolesManage = "identity.roles.manage";

    /// <summary>Set an account's roles (security administrator).</summary>
    public const string RolesAssign = "identity.roles.assign";

    /// <summary>Read registered OIDC clients.</summary>
    public const string ClientsRead = "identity.clients.read";

    /// <summary>Register OIDC clients.</summary>
    public const string ClientsManage = "identity.clients.manage";

    /// <summary>Read the key store's key list (never private material).</summary>
    public const string KeysRead = "platform.keys.read";

    /// <summary>Rotate a key purpose.</summary>
    public const string KeysRotate = "platform.keys.rotate";

    /// <summary>Read the audit log and its proofs (audit administrator only, 三员分立).</summary>
    public const string AuditRead = "audit.log.read";

    /// <summary>Use the officials' workbench.</summary>
    public const string Workbench = "workbench.use";
}
