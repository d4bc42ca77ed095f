using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Qilu.Identity.SignOn;

/// <summary>Loads the provider's keys once per process (interim: in-memory until the key store lands).</summary>
internal sealed class OidcKeySource
{
    private readonly Lazy<RsaSecurityKey> _signing = new(() =>
    {
        var rsa = RSA.Create(2048);
        return new RsaSecurityKey(rsa) { KeyId = "rsa-interim" };
    });

    private readonly Lazy<SymmetricSecurityKey> _encryption = new(() => new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)));

    public IReadOnlyList<SecurityKey> SigningKeys() => [_signing.Value];

    public SecurityKey EncryptionKey() => _encryption.Value;
}
