using System.Text;
using System.Text.Json;
using Qilu.Platform.Cryptography;
using Qilu.Platform.Cryptography.Keys;

namespace Qilu.Sharing.Verification;

/// <summary>
/// Signs verification answers (核验结论) and webhook notifications with SM2 keys from the platform key store
/// (purposes <see cref="VerificationPurpose"/> and <see cref="NotificationPurpose"/>), and checks such signatures by key
/// id, so a consumer — or anyone it shows the answer to — can verify it later without trusting the channel.
/// </summary>
internal sealed class VerificationSigner(IKeyStore keys)
{
    public const string VerificationPurpose = "sharing.verification";
    public const string NotificationPurpose = "sharing.notification";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public const string Algorithm = "SM2withSM3 (GB/T 32918, user id 1234567812345678), DER, base64";

    public async Task<(string KeyId, string Signature)> SignAsync(string purpose, byte[] message, CancellationToken ct)
    {
        var key = await keys.GetActiveSm2KeyAsync(purpose, ct);
        return (key.KeyId, Convert.ToBase64String(key.Sign(message)));
    }

    public async Task<bool> VerifyAsync(string keyId, byte[] message, string signature, CancellationToken ct)
    {
        var key = await keys.FindVerificationKeyAsync(keyId, ct);
        if (key is null) return false;
        byte[] sig;
        try
        {
            sig = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return false;
        }
        return Sm2.Verify(key, message, sig);
    }

    /// <summary>The signed statement: compact JSON with fixed member order (what is signed is exactly these bytes).</summary>
    public static string Statement(string kind, string subjectHash, bool answer, Guid grantId, string consumer, DateTimeOffset at) =>
        JsonSerializer.Serialize(new Statement1("qilu-verification-1", kind, subjectHash, answer, grantId, consumer, at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture)), Web);

    public static string SubjectHash(params string[] parts) => Sm3.HashHex(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));

    private sealed record Statement1(string V, string Kind, string Subject, bool Answer, Guid Grant, string Consumer, string At);
}
