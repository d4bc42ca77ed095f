using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Qilu.Platform.Audit.Checkpoints;

/// <summary>
/// C2SP signed-note framing: text ending in a newline, a blank line, then signature lines
/// <c>— &lt;key name&gt; base64(key ID(4, big-endian) ‖ signature)</c>. SM2 has no assigned signature type byte, so the
/// key ID is <c>SHA-256(key name ‖ 0x0A ‖ 0xFF ‖ "SM3withSM2" ‖ 65-byte public key)[:4]</c> (type 0xFF followed by a
/// longer identifier, as the spec recommends for unassigned types).
/// </summary>
public static class SignedNote
{
    /// <summary>The identifier that follows signature type byte 0xFF.</summary>
    public const string AlgorithmIdentifier = "SM3withSM2";

    private const string SignaturePrefix = "\u2014 ";

    /// <summary>Throws when <paramref name="keyName"/> cannot be a note key name (empty, spaces, '+').</summary>
    public static void ValidateKeyName(string keyName)
    {
        if (string.IsNullOrEmpty(keyName) || keyName.Any(c => char.IsWhiteSpace(c) || c == '+' || char.IsControl(c)))
            throw new ArgumentException("A signed-note key name must be non-empty and contain no spaces, '+' or control characters.", nameof(keyName));
    }

    /// <summary>The 4-byte key ID of an SM2 key under <paramref name="keyName"/>.</summary>
    public static uint KeyHash(string keyName, byte[] publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        var name = Encoding.UTF8.GetBytes(keyName);
        var alg = Encoding.ASCII.GetBytes(AlgorithmIdentifier);
        var buf = new byte[name.Length + 2 + alg.Length + publicKey.Length];
        name.CopyTo(buf, 0);
        buf[name.Length] = 0x0A;
        buf[name.Length + 1] = 0xFF;
        alg.CopyTo(buf, name.Length + 2);
        publicKey.CopyTo(buf, name.Length + 2 + alg.Length);
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(buf));
    }

    /// <summary>Signs <paramref name="text"/> (which must end in a newline) and returns the complete note.</summary>
    public static string Sign(string text, ICheckpointSigner signer, out byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(signer);
        if (!text.EndsWith('\n')) throw new ArgumentException("Note text must end with a newline.", nameof(text));
        signature = signer.Sign(Encoding.UTF8.GetBytes(text));
        var blob = new byte[4 + signature.Length];
        BinaryPrimitives.WriteUInt32BigEndian(blob, KeyHash(signer.KeyId, signer.PublicKey));
        signature.CopyTo(blob, 4);
        return $"{text}\n{SignaturePrefix}{signer.KeyId} {Convert.ToBase64String(blob)}\n";
    }

    /// <summary>One signature line of a note.</summary>
    public sealed record Signature(string KeyName, uint KeyHash, byte[] Value);

    /// <summary>Splits a note into its text and signatures; false with a reason when the framing is wrong.</summary>
    public static bool TryParse(string note, out string text, out List<Signature> signatures, out string? error)
    {
        text = "";
        signatures = [];
        error = null;
        ArgumentNullException.ThrowIfNull(note);
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || !note.EndsWith('\n'))
        {
            error = "note has no blank line before its signatures or does not end in a newline";
            return false;
        }
        text = note[..(split + 1)];
        foreach (var line in note[(split + 2)..^1].Split('\n'))
        {
            if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal))
            {
                error = "malformed signature line";
                return false;
            }
            var parts = line[SignaturePrefix.Length..].Split(' ');
            if (parts.Length != 2)
            {
                error = "malformed signature line";
                return false;
            }
            byte[] blob;
            try
            {
                blob = Convert.FromBase64String(parts[1]);
            }
            catch (FormatException)
            {
                error = "signature is not base64";
                return false;
            }
            if (blob.Length < 5)
            {
                error = "signature too short";
                return false;
            }
            signatures.Add(new Signature(parts[0], BinaryPrimitives.ReadUInt32BigEndian(blob), blob[4..]));
        }
        if (signatures.Count == 0)
        {
            error = "note has no signatures";
            return false;
        }
        return true;
    }
}
