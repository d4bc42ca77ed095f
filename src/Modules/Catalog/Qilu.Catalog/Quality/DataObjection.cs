namespace Qilu.Catalog.Quality;

/// <summary>
/// A task for the source unit of a resource: a 数据异议 raised by another unit (a value it believes wrong) or a quality
/// issue taken from the quality report. Open → answered (the source unit's reply) → closed (by the raising unit, or
/// reopened with a comment). Deadlines are set in working days at creation.
/// </summary>
internal sealed class DataObjection
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public string Kind { get; init; } = ObjectionKinds.Objection;

    public Guid ResourceId { get; init; }

    public Guid EntryId { get; init; }

    public string ResourceName { get; init; } = "";

    /// <summary>源头单位: the entry's provider, who must answer.</summary>
    public Guid SourceUnitId { get; init; }

    public string SourceDivisionCode { get; init; } = "";

    public Guid RaisedByUnitId { get; init; }

    public string RaisedByUnitName { get; init; } = "";

    public string RaisedByDivisionCode { get; init; } = "";

    public string RaisedBy { get; init; } = "";

    public string? Field { get; init; }

    /// <summary>The disputed row's key, encrypted (it may be an ID number).</summary>
    public string? RowKeySealed { get; init; }

    public string Description { get; init; } = "";

    public string Status { get; set; } = ObjectionStatus.Open;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset DueAt { get; init; }

    public string? Answer { get; set; }

    public string? AnsweredBy { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public string? ClosingComment { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public uint Version { get; set; }
}

/// <summary>Kinds of source-unit tasks.</summary>
internal static class ObjectionKinds
{
    /// <summary>数据异议 from another unit.</summary>
    public const string Objection = "objection";

    /// <summary>质量问题 from the quality report.</summary>
    public const string QualityIssue = "quality";
}

/// <summary>States of a source-unit task.</summary>
internal static class ObjectionStatus
{
    public const string Open = "open";
    public const string Answered = "answered";
    public const string Closed = "closed";
}
