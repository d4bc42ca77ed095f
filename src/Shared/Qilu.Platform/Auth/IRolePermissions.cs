namespace Qilu.Platform.Auth;

/// <summary>
/// Expands role codes into permission names. Roles are edited by administrators (Identity module), so tokens carry
/// roles and permissions are looked up per request from a cached table.
/// </summary>
public interface IRolePermissions
{
    IReadOnlySet<string> PermissionsOf(IEnumerable<string> roles);
}
