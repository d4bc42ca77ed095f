using System.Security.Claims;

namespace Qilu.Trust.Federation;

/// <summary>
/// The OAuth scope a peer platform's client must hold to ask this platform for certificates (跨省调证). Registered with
/// the OpenID provider by the Trust module; an administrator grants it when registering the peer as a system client.
/// </summary>
internal static class FederationScope
{
    public const string Name = "trust.federation";

    /// <summary>True when the validated access token carries the scope (OpenIddict keeps scopes as <c>oi_scp</c> claims; a
    /// plain JWT carries them space-separated in <c>scope</c>).</summary>
    public static bool IsGranted(ClaimsPrincipal user) =>
        user.FindAll("oi_scp").Any(c => c.Value == Name)
        || user.FindAll("scope").Any(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(Name, StringComparer.Ordinal));
}
