using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Qilu.Identity.SignOn;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qilu.Identity.Clients;

/// <summary>
/// The scopes a client may be registered with. Interactive relying parties: the sign-on's own (profile, roles,
/// offline_access, unit, api). Department systems: those, plus every scope another module registered with the OpenID
/// server for system-to-system calls — the sharing gateway's <c>sharing.gateway</c>, the trust federation's
/// <c>trust.federation</c> — read from the server's options, so Identity needs no knowledge of those modules. A module
/// that adds a scope makes it registrable without a change here.
/// </summary>
internal sealed class ClientScopes(IOptions<OpenIddictServerOptions> server)
{
    /// <summary>The sign-on's own scopes (both kinds of client).</summary>
    public static readonly IReadOnlyList<string> SignOn = [Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess, OidcScopes.Unit, OidcScopes.Api];

    // Standard OpenID Connect scopes that no client is registered with explicitly (openid is implied by the flow).
    private static readonly HashSet<string> Standard = new(StringComparer.Ordinal) { Scopes.OpenId, Scopes.Email, Scopes.Phone, Scopes.Address };

    /// <summary>Scopes of other modules, for department systems only, in name order.</summary>
    public IReadOnlyList<string> ModuleScopes =>
        [.. server.Value.Scopes.Where(s => !Standard.Contains(s) && !SignOn.Contains(s)).Order(StringComparer.Ordinal)];

    /// <summary>What the admin page offers a department system: the platform API and the modules' scopes.</summary>
    public IReadOnlyList<string> ForSystems => [OidcScopes.Api, .. ModuleScopes];

    /// <summary>Whether a client of the kind may hold <paramref name="scope"/>.</summary>
    public bool Allows(bool system, string scope) => SignOn.Contains(scope) || (system && ModuleScopes.Contains(scope));
}
