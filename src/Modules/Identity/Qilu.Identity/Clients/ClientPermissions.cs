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

    /// <summary>Department systems: client credentials only.</summary>
    public static void AddClientCredentials(HashSet<string> permissions, IEnumerable<string> scopes)
    {
        permissions.UnionWith([Permissions.Endpoints.Token, Permissions.Endpoints.Introspection, Permissions.GrantTypes.ClientCredentials]);
        foreach (var s in scopes) permissions.Add(Permissions.Prefixes.Scope + s);
    }
}
