namespace Qilu.Identity.SignOn;

/// <summary>Scopes the provider knows. <c>unit</c> releases the division/unit claims; <c>api</c> is the platform API audience.</summary>
internal static class OidcScopes
{
    public const string Unit = "unit";
    public const string Api = "api";
    public const string ApiResource = "qilu-api";
}
