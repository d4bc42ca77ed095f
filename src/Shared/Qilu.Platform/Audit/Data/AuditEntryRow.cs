namespace Qilu.Platform.Audit.Data;

/// <summary>Table <c>entries</c>: one row per leaf. Insert-only (triggers reject UPDATE and DELETE outside retention).</summary>
internal sealed class AuditEntryRow
{
    public long Seq { get; set; }

    /// <summary>Microseconds since the Unix epoch, UTC: provider-neutral, ordered, and exact in the leaf bytes.</summary>
    public long TimestampUs { get; set; }

    public string ActorId { get; set; } = "";

    public string ActorKind { get; set; } = "";

    public string ActorName { get; set; } = "";

    public string? DivisionCode { get; set; }

    public string Action { get; set; } = "";

    public string? TargetType { get; set; }

    public string? TargetId { get; set; }

    public string Outcome { get; set; } = "";

    /// <summary>Canonical (compact) JSON text of the details object, embedded verbatim in the leaf bytes.</summary>
    public string? Details { get; set; }

    public string? SourceIp { get; set; }

    public string? TraceId { get; set; }
}
