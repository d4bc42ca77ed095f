namespace Qilu.Platform.Cryptography.Fields;

/// <summary>
/// Encryption at rest for personal-data fields (ID numbers, phone numbers) and blind indexes to look them up.
/// Synchronous because EF Core value converters are; keys are loaded by <see cref="InitializeAsync"/> at start
/// (<c>KeyStoreMigrator.MigrateAsync</c> calls it). Thread-safe singleton.
/// </summary>
public interface IFieldProtector
{
    /// <summary>Loads the active field-encryption and blind-index keys (creating them on first run).</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Encrypts <paramref name="plaintext"/> (UTF-8) with SM4-GCM under the active <c>field.encryption</c> key:
    /// <c>v1:&lt;keyId&gt;:&lt;base64(nonce(12) ‖ ciphertext ‖ tag(16))&gt;</c>, associated data <c>v1:&lt;keyId&gt;</c>.
    /// A fresh random nonce each call: the same value encrypts differently every time (use <see cref="BlindIndex(string, string)"/>
    /// for equality lookups).
    /// </summary>
    string Protect(string plaintext);

    /// <summary>
    /// As <see cref="Protect"/> for a plaintext the caller already holds as UTF-8 (same output format; opens with
    /// <see cref="Unprotect"/>). Bulk callers that build the value as UTF-8 (JSON) skip a round trip through a string.
    /// </summary>
    string ProtectUtf8(ReadOnlySpan<byte> utf8Plaintext) => Protect(System.Text.Encoding.UTF8.GetString(utf8Plaintext));

    /// <summary>
    /// Decrypts a value from <see cref="Protect"/>, also under retired keys. Throws <see cref="FormatException"/>
    /// for a value that is not in the v1 format and <see cref="System.Security.Cryptography.CryptographicException"/>
    /// for an unknown key id or tampered ciphertext.
    /// </summary>
    string Unprotect(string protectedValue);

    /// <summary>True when <paramref name="value"/> has the shape of a protected value (<c>v1:</c> prefix).</summary>
    bool IsProtected(string value);

    /// <summary>
    /// Deterministic lookup token: lower-case hex of HMAC-SM3 under a sub-key derived for <paramref name="purpose"/>
    /// from the <c>field.blind-index</c> key. The same value gives different indexes for different purposes (columns),
    /// so indexes cannot be joined across tables. The caller normalises first (trim, upper-case the ID check letter).
    /// </summary>
    string BlindIndex(string normalizedValue, string purpose);

    /// <summary>
    /// The first <paramref name="hexLength"/> characters of <see cref="BlindIndex(string, string)"/> (a truncated HMAC, for
    /// tokens that need fewer bits), computed without the full-length string.
    /// </summary>
    /// <param name="normalizedValue">The normalised value.</param>
    /// <param name="purpose">The purpose (column) the sub-key is derived for.</param>
    /// <param name="hexLength">An even number of hex characters, 2–64.</param>
    string BlindIndex(string normalizedValue, string purpose, int hexLength)
    {
        // The same contract as the platform's implementation: an odd or out-of-range length is the caller's error.
        if (hexLength < 2 || hexLength > 64 || hexLength % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(hexLength), hexLength, "An even number of hex characters, 2–64.");
        return BlindIndex(normalizedValue, purpose)[..hexLength];
    }
}
