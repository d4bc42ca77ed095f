using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qilu.Platform.Cryptography.Keys;

namespace Qilu.Platform.Cryptography.Fields;

/// <summary>
/// <see cref="IFieldProtector"/> over the key store. The first synchronous call before <see cref="InitializeAsync"/>
/// blocks once on loading the keys (sync-over-async on a pool thread, safe in ASP.NET Core, which has no
/// synchronisation context); the host avoids even that by initialising at start. An unknown key id met in
/// <see cref="Unprotect"/> (a key created by another node since start) is fetched the same way, once.
/// The active key is re-read in the background every <see cref="KeyStoreOptions.ActiveKeyRefreshInterval"/>,
/// so rotations on other nodes are picked up without blocking callers.
/// </summary>
internal sealed partial class FieldProtector(
    IKeyStore keyStore, TimeProvider clock, IOptions<KeyStoreOptions> options, ILogger<FieldProtector> logger) : IFieldProtector
{
    private const string Version = "v1";
    private const string EncryptionLabel = "qilu.field.sm4-gcm.v1";
    private const string BlindIndexLabel = "qilu.field.blind-index.v1";

    private readonly ConcurrentDictionary<string, byte[]> _encryptionKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string KeyId, string Purpose), byte[]> _blindSubKeys = new();
    private volatile State? _state;
    private int _refreshing;

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var encryption = await keyStore.GetActiveSymmetricKeyAsync(KeyPurposes.FieldEncryption, cancellationToken);
        var blind = await keyStore.GetActiveSymmetricKeyAsync(KeyPurposes.FieldBlindIndex, cancellationToken);
        var encryptionKey = _encryptionKeys.GetOrAdd(encryption.KeyId, _ => encryption.DeriveKey(EncryptionLabel, Sm4.KeySizeInBytes));
        _state = new State(encryption.KeyId, encryptionKey, blind.KeyId, blind.DeriveKey(BlindIndexLabel, Sm3.HashSizeInBytes), clock.GetUtcNow(),
            AssociatedData(encryption.KeyId), $"{Version}:{encryption.KeyId}:");
    }

    public string Protect(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var max = Encoding.UTF8.GetMaxByteCount(plaintext.Length);
        byte[]? rented = null;
        var utf8 = max <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            return ProtectUtf8(utf8[..Encoding.UTF8.GetBytes(plaintext, utf8)]);
        }
        finally
        {
            if (rented is not null)
            {
                CryptographicOperations.ZeroMemory(rented);
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    // Sealing is on the import's hot path (one seal per row): the payload and its base64 text are built in one buffer
    // each (stack for the usual short values) and the result is the only allocation, where the straightforward form
    // allocated seven arrays and strings per value (ADR 0016 addendum 3). The output is the same format, byte for byte.
    public string ProtectUtf8(ReadOnlySpan<byte> utf8Plaintext)
    {
        var state = CurrentState();
        var payloadLength = Sm4.GcmNonceSizeInBytes + utf8Plaintext.Length + Sm4.GcmTagSizeInBytes;
        var textLength = state.Prefix.Length + ((payloadLength + 2) / 3 * 4);
        byte[]? rentedPayload = null;
        char[]? rentedText = null;
        var payload = payloadLength <= StackLimit ? stackalloc byte[StackLimit] : (rentedPayload = ArrayPool<byte>.Shared.Rent(payloadLength));
        var text = textLength <= StackLimit ? stackalloc char[StackLimit] : (rentedText = ArrayPool<char>.Shared.Rent(textLength));
        try
        {
            var nonce = payload[..Sm4.GcmNonceSizeInBytes];
            RandomNumberGenerator.Fill(nonce);
            Sm4.EncryptGcm(state.EncryptionKey, nonce, utf8Plaintext, state.AssociatedData, payload[Sm4.GcmNonceSizeInBytes..payloadLength]);
            state.Prefix.CopyTo(text);
            if (!Convert.TryToBase64Chars(payload[..payloadLength], text[state.Prefix.Length..], out var written) || written + state.Prefix.Length != textLength)
                throw new InvalidOperationException("Base64 length mismatch.");
            return new string(text[..textLength]);
        }
        finally
        {
            if (rentedPayload is not null) ArrayPool<byte>.Shared.Return(rentedPayload);
            if (rentedText is not null) ArrayPool<char>.Shared.Return(rentedText);
        }
    }

    private const int StackLimit = 512;

    public string Unprotect(string protectedValue)
    {
        ArgumentNullException.ThrowIfNull(protectedValue);
        if (!protectedValue.StartsWith(Version + ":", StringComparison.Ordinal))
            throw new FormatException("Protected value does not start with 'v1:'; it is plaintext or another format.");
        var second = protectedValue.IndexOf(':', Version.Length + 1);
        if (second < 0)
            throw new FormatException("Protected value lacks the ':' after the key id (expected v1:<keyId>:<base64>).");
        var keyId = protectedValue[(Version.Length + 1)..second];
        byte[] payload;
        try
        {
            payload = Convert.FromBase64String(protectedValue[(second + 1)..]);
        }
        catch (FormatException ex)
        {
            throw new FormatException("Protected value payload is not base64.", ex);
        }
        if (payload.Length < Sm4.GcmNonceSizeInBytes + Sm4.GcmTagSizeInBytes)
            throw new FormatException("Protected value payload is shorter than nonce (12) + tag (16).");
        var key = EncryptionKey(keyId);
        var plaintext = Sm4.DecryptGcm(key, payload.AsSpan(0, Sm4.GcmNonceSizeInBytes), payload.AsSpan(Sm4.GcmNonceSizeInBytes), AssociatedData(keyId));
        return Encoding.UTF8.GetString(plaintext);
    }

    public bool IsProtected(string value) => value is not null && value.StartsWith(Version + ":", StringComparison.Ordinal);

    public string BlindIndex(string normalizedValue, string purpose) => BlindIndex(normalizedValue, purpose, Sm3.HashSizeInBytes * 2);

    // Truncated tokens (the catalog's filter index keeps 128 bits) are hexed from the first bytes of the MAC: one string per
    // token instead of the full hex and its substring (ADR 0016 addendum 4).
    public string BlindIndex(string normalizedValue, string purpose, int hexLength)
    {
        ArgumentNullException.ThrowIfNull(normalizedValue);
        if (hexLength < 2 || hexLength > Sm3.HashSizeInBytes * 2 || hexLength % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(hexLength), hexLength, "An even number of hex characters, 2–64.");
        KeyPurposes.Validate(purpose);
        var state = CurrentState();
        var subKey = _blindSubKeys.GetOrAdd((state.BlindKeyId, purpose),
            static (k, root) => Sm3.Hmac(root, Encoding.UTF8.GetBytes("purpose:" + k.Purpose)), state.BlindRoot);
        Span<byte> mac = stackalloc byte[Sm3.HashSizeInBytes];
        var max = Encoding.UTF8.GetMaxByteCount(normalizedValue.Length);
        byte[]? rented = null;
        var utf8 = max <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            Sm3.Hmac(subKey, utf8[..Encoding.UTF8.GetBytes(normalizedValue, utf8)], mac);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
        return Convert.ToHexStringLower(mac[..(hexLength / 2)]);
    }

    private byte[] EncryptionKey(string keyId)
    {
        if (_encryptionKeys.TryGetValue(keyId, out var cached)) return cached;
        var key = Task.Run(() => keyStore.FindSymmetricKeyAsync(keyId)).GetAwaiter().GetResult();
        if (key is null || key.Purpose != KeyPurposes.FieldEncryption)
            throw new CryptographicException($"Protected value names key '{keyId}', which is not a field-encryption key in the key store.");
        return _encryptionKeys.GetOrAdd(keyId, _ => key.DeriveKey(EncryptionLabel, Sm4.KeySizeInBytes));
    }

    private State CurrentState()
    {
        var state = _state;
        if (state is null)
        {
            Task.Run(() => InitializeAsync()).GetAwaiter().GetResult();
            return _state!;
        }
        if (clock.GetUtcNow() - state.LoadedAt >= options.Value.ActiveKeyRefreshInterval
            && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
            _ = Task.Run(RefreshAsync);
        return state;
    }

    private async Task RefreshAsync()
    {
        try
        {
            await InitializeAsync();
        }
        catch (Exception ex)
        {
            // Background refresh: keep serving with the keys already loaded; the next call retries.
            LogRefreshFailed(logger, ex);
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    private static byte[] AssociatedData(string keyId) => Encoding.ASCII.GetBytes($"{Version}:{keyId}");

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing the field-protection keys failed; the previously loaded keys stay in use.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    private sealed record State(string EncryptionKeyId, byte[] EncryptionKey, string BlindKeyId, byte[] BlindRoot, DateTimeOffset LoadedAt,
        byte[] AssociatedData, string Prefix);
}
