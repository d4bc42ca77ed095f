using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Qilu.Platform.Cryptography.Keys;

namespace Qilu.Identity.SignOn;

/// <summary>
/// The provider's keys from the platform key store (encrypted at rest under the master key): the active RSA key of
/// purpose <c>oidc.signing</c> signs tokens (RS256, as OIDC requires) and comes first; retired ones follow as public
/// keys only, so JWKS keeps publishing them and tokens they signed stay verifiable until they expire. A symmetric key
/// of purpose <c>oidc.encryption</c> protects the provider's own artifacts (codes, refresh tokens). Loaded once per
/// process, after start-up migrations; a rotation takes effect at each node's next restart.
/// </summary>
internal sealed class OidcKeySource(IKeyStore keys)
{
    public const string EncryptionPurpose = "oidc.encryption";

    private readonly Lazy<IReadOnlyList<SecurityKey>> _signing = new(() =>
    {
        var active = keys.GetActiveRsaKeyAsync(KeyPurposes.OidcSigning).GetAwaiter().GetResult();
        var result = new List<SecurityKey> { new RsaSecurityKey(active.CreateRsa()) { KeyId = active.KeyId } };
        foreach (var retired in keys.ListRsaKeysAsync(KeyPurposes.OidcSigning).GetAwaiter().GetResult()
                     .Where(k => k.Id != active.KeyId && k.Status == KeyStatus.Retired))
        {
            var rsa = RSA.Create();
            rsa.ImportSubjectPublicKeyInfo(retired.PublicKey, out _);
            result.Add(new RsaSecurityKey(rsa) { KeyId = retired.Id });
        }
        return result;
    });

    private readonly Lazy<SymmetricSecurityKey> _encryption = new(() =>
    {
        var key = keys.GetActiveSymmetricKeyAsync(EncryptionPurpose).GetAwaiter().GetResult();
        return new SymmetricSecurityKey(key.DeriveKey("oidc.aes256kw", 32)) { KeyId = key.KeyId };
    });

    public IReadOnlyList<SecurityKey> SigningKeys() => _signing.Value;

    public SecurityKey EncryptionKey() => _encryption.Value;
}
