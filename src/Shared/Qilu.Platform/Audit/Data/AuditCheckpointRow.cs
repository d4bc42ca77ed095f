namespace Qilu.Platform.Audit.Data;

/// <summary>Table <c>checkpoints</c>: every signed tree head, keyed by tree size (one checkpoint per size).</summary>
internal sealed class AuditCheckpointRow
{
    public long TreeSize { get; set; }

    public byte[] RootHash { get; set; } = [];

    public long TimestampUs { get; set; }

    public string KeyId { get; set; } = "";

    public byte[] Signature { get; set; } = [];

    /// <summary>The complete signed note (text, blank line, signature lines) exactly as served.</summary>
    public string Note { get; set; } = "";
}
