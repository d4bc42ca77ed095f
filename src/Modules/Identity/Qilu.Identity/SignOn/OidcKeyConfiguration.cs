using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Qilu.Identity.SignOn;

/// <summary>
/// Puts the key store's keys into OpenIddict: every RSA key of purpose <c>oidc.signing</c> (the active one first, so
/// it signs; retired ones stay in JWKS so tokens they signed still validate until they expire).
/// </summary>
internal sealed class OidcKeyConfiguration(OidcKeySource keys) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        foreach (var key in keys.SigningKeys())
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(keys.EncryptionKey(),
            SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
    }
}
