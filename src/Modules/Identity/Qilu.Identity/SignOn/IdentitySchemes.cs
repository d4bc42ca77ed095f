namespace Qilu.Identity.SignOn;

/// <summary>Authentication scheme names of the Identity module.</summary>
internal static class IdentitySchemes
{
    /// <summary>The identity provider's own session (set by the login page; read only by /connect/authorize).</summary>
    public const string ProviderSession = "Qilu.Identity";

    /// <summary>Half-signed-in state between password and TOTP (short-lived).</summary>
    public const string SecondFactor = "Qilu.Identity.2fa";

    /// <summary>The web shell's session, established through OpenID Connect against this same provider.</summary>
    public const string WebShell = "Qilu.Web";

    /// <summary>The web shell's OpenID Connect handler.</summary>
    public const string WebShellOidc = "qilu-web";

    /// <summary>Client id of the web shell as an OIDC client.</summary>
    public const string WebShellClientId = "qilu-web";
}
