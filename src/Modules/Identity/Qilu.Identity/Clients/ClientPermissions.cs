using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qilu.Identity.Clients;

/// <summary>The OpenIddict permission sets for the two kinds of client Qilu registers.</summary>
internal static class ClientPermissions
{
    /// <summary>Interactive relying parties: code flow with PKCE, refresh, end session, and the given scopes.</summary>
    public static void AddInteractive(HashSet<string> permissions, IEnumerable<string> scopes)
    {
        permissions.UnionWith([
            Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
            Permissions.Endpoints.Revocation,
            Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
        ]);
        foreach (var s in scopes) permissions.Add(Permissions.Prefixes.Scope + s);
    }

    private static readonly string[] SystemClientRoles = ["system_client"];

    /// <summary>
    /// A department system acts for one unit: its tokens carry the unit, the unit's name and division, and the
    /// system-client role (read by the token handler from these properties).
    /// </summary>
    public static void ActFor(Dictionary<string, System.Text.Json.JsonElement> properties, Guid unitId, string unitName, string divisionCode)
    {
        properties["unit"] = System.Text.Json.JsonSerializer.SerializeToElement(unitId.ToString());
        properties["unit_name"] = System.Text.Json.JsonSerializer.SerializeToElement(unitName);
        properties["division"] = System.Text.Json.JsonSerializer.SerializeToElement(divisionCode);
        properties["roles"] = System.Text.Json.JsonSerializer.SerializeToElement(SystemClientRoles);
    }

    /// <summary>Department systems: client credentials only.</summary>
    public static void AddClientCredentials(HashSet<string> permissions, IEnumerable<string> scopes)
    {
        permissions.UnionWith([Permissions.Endpoints.Token, Permissions.Endpoints.Introspection, Permissions.GrantTypes.ClientCredentials]);
        foreach (var s in scopes) permissions.Add(Permissions.Prefixes.Scope + s);
    }
}
