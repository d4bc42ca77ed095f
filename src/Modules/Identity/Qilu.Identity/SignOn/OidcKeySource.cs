using Microsoft.IdentityModel.Tokens;
using Qilu.Platform.Cryptography.Keys;

namespace Qilu.Identity.SignOn;

/// <summary>
/// The provider's keys from the platform key store (encrypted at rest under the master key): the active RSA key of
/// purpose <c>oidc.signing</c> signs tokens (RS256, as OIDC requires); a symmetric key of purpose
/// <c>oidc.encryption</c> protects the provider's own artifacts (codes, refresh tokens). Loaded once per process,
/// after start-up migrations; a rotation takes effect at the next restart of each node.
/// </summary>
internal sealed class OidcKeySource(IKeyStore keys)
{
    public const string EncryptionPurpose = "oidc.encryption";

    private readonly Lazy<RsaSecurityKey> _signing = new(() =>
    {
        var material = keys.GetActiveRsaKeyAsync(KeyPurposes.OidcSigning).GetAwaiter().GetResult();
        return new RsaSecurityKey(material.CreateRsa()) { KeyId = material.KeyId };
    });

    private readonly Lazy<SymmetricSecurityKey> _encryption = new(() =>
    {
        var key = keys.GetActiveSymmetricKeyAsync(EncryptionPurpose).GetAwaiter().GetResult();
        return new SymmetricSecurityKey(key.DeriveKey("oidc.aes256kw", 32)) { KeyId = key.KeyId };
    });

    public IReadOnlyList<SecurityKey> SigningKeys() => [_signing.Value];

    public SecurityKey EncryptionKey() => _encryption.Value;
}
