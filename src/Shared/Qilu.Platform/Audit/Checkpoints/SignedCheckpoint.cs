using System.Globalization;
using System.Text;
using Qilu.Platform.Cryptography;

namespace Qilu.Platform.Audit.Checkpoints;

/// <summary>
/// A signed tree head (检查点) in the C2SP tlog-checkpoint shape:
/// <code>
/// &lt;origin&gt;
/// &lt;tree size, decimal&gt;
/// &lt;base64 root hash&gt;
/// timestamp &lt;RFC 3339 UTC, microseconds&gt;
///
/// — &lt;key id&gt; &lt;base64(4-byte key hash ‖ DER SM3withSM2 signature)&gt;
/// </code>
/// The signature covers the first four lines including the final newline.
/// </summary>
/// <param name="Origin">Log identity, e.g. <c>qilu.shandong.gov.cn/audit</c>.</param>
/// <param name="TreeSize">Number of entries covered.</param>
/// <param name="RootHash">SM3 Merkle tree head.</param>
/// <param name="Timestamp">When the checkpoint was signed (UTC).</param>
/// <param name="KeyId">Name of the signing key.</param>
/// <param name="Signature">DER SM3withSM2 signature over the note text.</param>
/// <param name="Note">The complete signed note, exactly as signed.</param>
public sealed record SignedCheckpoint(
    string Origin, long TreeSize, byte[] RootHash, DateTimeOffset Timestamp, string KeyId, byte[] Signature, string Note)
{
    private const string TimestampPrefix = "timestamp ";

    /// <summary>The note text (body) for the given fields.</summary>
    public static string FormatText(string origin, long treeSize, byte[] rootHash, long timestampUs)
    {
        ArgumentNullException.ThrowIfNull(rootHash);
        return string.Create(CultureInfo.InvariantCulture,
            $"{origin}\n{treeSize}\n{Convert.ToBase64String(rootHash)}\n{TimestampPrefix}{AuditText.FormatMicros(timestampUs)}\n");
    }

    /// <summary>Signs a new checkpoint.</summary>
    public static SignedCheckpoint Create(string origin, long treeSize, byte[] rootHash, long timestampUs, ICheckpointSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var text = FormatText(origin, treeSize, rootHash, timestampUs);
        var note = SignedNote.Sign(text, signer, out var signature);
        return new SignedCheckpoint(origin, treeSize, rootHash, AuditText.FromMicros(timestampUs), signer.KeyId, signature, note);
    }

    /// <summary>
    /// Parses and verifies a signed checkpoint note against trusted keys: the framing, the body and a signature of a
    /// known key (C2SP: unknown keys are ignored; a known key whose signature fails rejects the note).
    /// </summary>
    public static CheckpointParseResult ParseAndVerify(string note, ICheckpointVerifierKeys keys, string? expectedOrigin = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (!SignedNote.TryParse(note, out var text, out var signatures, out var error)) return CheckpointParseResult.Fail(error!);
        var lines = text.Split('\n');
        // text ends with '\n' so the last element is empty.
        if (lines.Length < 4) return CheckpointParseResult.Fail("checkpoint body needs origin, size and root hash lines");
        var origin = lines[0];
        if (expectedOrigin is not null && origin != expectedOrigin)
            return CheckpointParseResult.Fail($"origin '{origin}' is not the expected '{expectedOrigin}'");
        if (!long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            return CheckpointParseResult.Fail("tree size is not a decimal number");
        byte[] root;
        try
        {
            root = Convert.FromBase64String(lines[2]);
        }
        catch (FormatException)
        {
            return CheckpointParseResult.Fail("root hash is not base64");
        }
        if (root.Length != 32) return CheckpointParseResult.Fail("root hash is not 32 bytes");
        DateTimeOffset timestamp = default;
        for (var i = 3; i < lines.Length - 1; i++)
        {
            if (lines[i].StartsWith(TimestampPrefix, StringComparison.Ordinal) &&
                DateTimeOffset.TryParse(lines[i][TimestampPrefix.Length..], CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var ts))
                timestamp = ts;
        }
        var body = Encoding.UTF8.GetBytes(text);
        SignedNote.Signature? verified = null;
        foreach (var sig in signatures)
        {
            var key = keys.FindPublicKey(sig.KeyName);
            if (key is null || SignedNote.KeyHash(sig.KeyName, key) != sig.KeyHash) continue;
            if (!VerifySm2(key, body, sig.Value))
                return CheckpointParseResult.Fail($"signature by key '{sig.KeyName}' does not verify");
            verified ??= sig;
        }
        if (verified is null) return CheckpointParseResult.Fail("no signature by a trusted key");
        return new CheckpointParseResult(new SignedCheckpoint(origin, size, root, timestamp, verified.KeyName, verified.Value, note), null);
    }

    /// <summary>
    /// SM3withSM2 (DER, default user ID) under an uncompressed public point; a malformed key or signature verifies as
    /// false, so a hostile note cannot make parsing throw.
    /// </summary>
    private static bool VerifySm2(byte[] publicKey, byte[] body, byte[] signature)
    {
        if (publicKey.Length != 65 || publicKey[0] != 0x04) return false;
        try
        {
            return Sm2.Verify(Sm2PublicKey.FromPoint(publicKey), body, signature);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>A parsed and verified checkpoint, or why it was rejected.</summary>
/// <param name="Checkpoint">The checkpoint when valid.</param>
/// <param name="Error">Why the note was rejected.</param>
public sealed record CheckpointParseResult(SignedCheckpoint? Checkpoint, string? Error)
{
    public bool IsValid => Checkpoint is not null;

    public static CheckpointParseResult Fail(string error) => new(null, error);
}
