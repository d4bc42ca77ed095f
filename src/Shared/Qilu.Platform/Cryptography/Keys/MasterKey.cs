using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Qilu.Platform.Cryptography.Keys;

/// <summary>
/// Resolves the master key once (configuration first, else <c>&lt;data dir&gt;/keys/master.key</c>) and wraps /
/// unwraps private key material with SM4-GCM under a key-encryption key derived from it.
/// Blob layout: <c>0x01 ‖ nonce(12) ‖ ciphertext ‖ tag(16)</c>; associated data binds the blob to its row
/// (<c>qilu.keystore.v1|id|purpose|algorithm</c>), so swapping ciphertexts between rows fails authentication.
/// </summary>
internal sealed partial class MasterKey
{
    private const byte BlobVersion = 1;
    private const int MasterKeyBytes = 32;
    private readonly Lazy<(byte[] Kek, string Source)> _kek;
    private readonly ILogger<MasterKey> _logger;

    public MasterKey(IOptions<KeyStoreOptions> options, ILogger<MasterKey> logger)
    {
        _logger = logger;
        _kek = new Lazy<(byte[], string)>(() => Resolve(options.Value), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Where the master key came from (for error messages; never the key).</summary>
    public string Source => _kek.Value.Source;

    public byte[] Wrap(ReadOnlySpan<byte> secret, string keyId, string purpose, KeyAlgorithm algorithm)
    {
        var nonce = RandomNumberGenerator.GetBytes(Sm4.GcmNonceSizeInBytes);
        var sealedBytes = Sm4.EncryptGcm(_kek.Value.Kek, nonce, secret, AssociatedData(keyId, purpose, algorithm));
        return [BlobVersion, .. nonce, .. sealedBytes];
    }

    public byte[] Unwrap(byte[] blob, string keyId, string purpose, KeyAlgorithm algorithm)
    {
        if (blob.Length < 1 + Sm4.GcmNonceSizeInBytes + Sm4.GcmTagSizeInBytes || blob[0] != BlobVersion)
            throw new KeyStoreException($"Key '{keyId}' has an unknown private-material format (version byte {(blob.Length > 0 ? blob[0] : -1)}).");
        var kek = _kek.Value;
        try
        {
            return Sm4.DecryptGcm(kek.Kek, blob.AsSpan(1, Sm4.GcmNonceSizeInBytes), blob.AsSpan(1 + Sm4.GcmNonceSizeInBytes),
                AssociatedData(keyId, purpose, algorithm));
        }
        catch (CryptographicException ex)
        {
            throw new KeyStoreException(
                $"Cannot decrypt key '{keyId}' ({purpose}) with the master key from {kek.Source}: this master key is not the one the " +
                $"key store was created with (or the row was tampered with). Restore the original {KeyStoreOptions.MasterKeyConfigurationKey}.",
                ex);
        }
    }

    private static byte[] AssociatedData(string keyId, string purpose, KeyAlgorithm algorithm) =>
        Encoding.UTF8.GetBytes($"qilu.keystore.v1|{keyId}|{purpose}|{algorithm}");

    private (byte[] Kek, string Source) Resolve(KeyStoreOptions options)
    {
        byte[] master;
        string source;
        if (!string.IsNullOrWhiteSpace(options.MasterKey))
        {
            master = Parse(options.MasterKey, $"configuration ({KeyStoreOptions.MasterKeyConfigurationKey})");
            source = $"configuration ({KeyStoreOptions.MasterKeyConfigurationKey})";
        }
        else if (!string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            var path = Path.GetFullPath(Path.Combine(options.DataDirectory, "keys", "master.key"));
            master = LoadOrCreateFile(path);
            source = $"file {path}";
        }
        else
        {
            throw new KeyStoreException(
                $"No master key: set {KeyStoreOptions.MasterKeyConfigurationKey} to base64 of 32 random bytes " +
                "(e.g. `openssl rand -base64 32`), or give a data directory for a generated development key.");
        }
        try
        {
            // The KEK is a labelled derivation, so the raw master key can also seed other derivations later
            // without ever being used directly as a cipher key.
            return (Sm3.DeriveKey(master, "qilu.keystore.kek.v1", Sm4.KeySizeInBytes), source);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(master);
        }
    }

    private static byte[] Parse(string base64, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException ex)
        {
            throw new KeyStoreException($"Master key from {source} is not valid base64.", ex);
        }
        if (bytes.Length != MasterKeyBytes)
            throw new KeyStoreException($"Master key from {source} must be {MasterKeyBytes} bytes (base64 of 32 random bytes), got {bytes.Length}.");
        return bytes;
    }

    private byte[] LoadOrCreateFile(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var fresh = RandomNumberGenerator.GetBytes(MasterKeyBytes);
            try
            {
                var streamOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows()) streamOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                using (var stream = new FileStream(path, streamOptions))
                using (var writer = new StreamWriter(stream, Encoding.ASCII))
                    writer.Write(Convert.ToBase64String(fresh));
                LogGeneratedMasterKey(_logger, path);
                return fresh;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; use theirs.
            }
        }
        LogFileMasterKey(_logger, path);
        return Parse(File.ReadAllText(path), $"file {path}");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Generated a new key-store master key at {Path} (mode 600). In production the master key must come from configuration " +
        "(Qilu:Keys:MasterKey) / a secrets manager / an HSM, not from a file next to the data it protects; back this file up — " +
        "without it no stored private key can be decrypted.")]
    private static partial void LogGeneratedMasterKey(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Key-store master key read from {Path}. In production the master key must come from configuration (Qilu:Keys:MasterKey) / " +
        "a secrets manager / an HSM.")]
    private static partial void LogFileMasterKey(ILogger logger, string path);
}
