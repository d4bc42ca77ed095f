using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qilu.Platform.Cryptography;
using Qilu.Platform.Cryptography.Keys;

namespace Qilu.Platform.Hosting;

/// <summary>
/// ASP.NET Core data protection (cookies, antiforgery, OIDC state) keeps its key ring under the data directory, so
/// sign-in cookies survive a restart, and each key element is encrypted at rest with SM4-GCM under a key-store key
/// (itself under the master key): a copy of the folder alone opens no session. Several nodes must share that folder
/// (or set <c>Qilu:DataProtection:KeysPath</c> to a shared path); deploy/README.md says how.
/// </summary>
internal static class DataProtectionSetup
{
    public const string Purpose = "dataprotection.keyring";

    public static void Add(IServiceCollection services, string dataDirectory, string? sharedPath)
    {
        var path = string.IsNullOrWhiteSpace(sharedPath) ? Path.Combine(dataDirectory, "keys", "dataprotection") : sharedPath;
        Directory.CreateDirectory(path);
        services.AddDataProtection().SetApplicationName("qilu").PersistKeysToFileSystem(new DirectoryInfo(path));
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlEncryptor = new Sm4XmlEncryptor(sp.GetRequiredService<IKeyStore>())));
    }
}

/// <summary>Encrypts a data-protection key element with SM4-GCM; the key id and nonce travel with it.</summary>
internal sealed class Sm4XmlEncryptor(IKeyStore keys) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var key = keys.GetActiveSymmetricKeyAsync(DataProtectionSetup.Purpose).GetAwaiter().GetResult();
        var nonce = RandomNumberGenerator.GetBytes(12);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = Sm4.EncryptGcm(key.DeriveKey(DataProtectionSetup.Purpose, Sm4.KeySizeInBytes), nonce, plaintext, Encoding.UTF8.GetBytes(key.KeyId));
        var element = new XElement("sm4gcm",
            new XAttribute("keyId", key.KeyId),
            new XAttribute("nonce", Convert.ToBase64String(nonce)),
            Convert.ToBase64String(sealedBytes));
        return new EncryptedXmlInfo(element, typeof(Sm4XmlDecryptor));
    }
}

/// <summary>Decrypts what <see cref="Sm4XmlEncryptor"/> wrote, with current or retired key-store keys.</summary>
internal sealed class Sm4XmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var keyId = (string?)encryptedElement.Attribute("keyId") ?? throw new CryptographicException("Data-protection key element has no keyId.");
        var key = services.GetRequiredService<IKeyStore>().FindSymmetricKeyAsync(keyId).GetAwaiter().GetResult()
            ?? throw new CryptographicException($"Key-store key {keyId} for the data-protection key ring was not found.");
        var nonce = Convert.FromBase64String((string?)encryptedElement.Attribute("nonce") ?? "");
        var plaintext = Sm4.DecryptGcm(key.DeriveKey(DataProtectionSetup.Purpose, Sm4.KeySizeInBytes), nonce,
            Convert.FromBase64String(encryptedElement.Value), Encoding.UTF8.GetBytes(keyId));
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}
