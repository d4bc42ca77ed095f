namespace Qilu.Notices.Notices;

/// <summary>Where a notice is in its life: drafted, published, withdrawn (撤回, with a reason).</summary>
internal enum NoticeStatus
{
    Draft = 0,
    Published = 1,
    Withdrawn = 2,
}

/// <summary>A notice (通知公告) of one unit.</summary>
internal sealed class Notice
{
    public Guid Id { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Plain text; paragraphs separated by line breaks.</summary>
    public string Body { get; set; } = "";

    /// <summary>One of <see cref="Contracts.NoticeKinds.Categories"/>.</summary>
    public string Category { get; set; } = "notice";

    public bool Important { get; set; }

    /// <summary>Shown on the portal (<c>true</c>) or only to officials of the publishing division's subtree.</summary>
    public bool IsPublic { get; set; }

    public NoticeStatus Status { get; set; }

    public Guid UnitId { get; set; }

    public string UnitName { get; set; } = "";

    /// <summary>The publishing unit's 行政区划代码: internal notices reach officials at this division and below.</summary>
    public string DivisionCode { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>After this instant the notice drops from lists and feeds (null: no end).</summary>
    public DateTimeOffset? ValidUntil { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public string? WithdrawReason { get; set; }

    /// <summary>When the published text was last corrected (更正); null when never.</summary>
    public DateTimeOffset? CorrectedAt { get; set; }

    /// <summary>Optimistic-concurrency token: bumped on every change; a stale one is refused with 409.</summary>
    public uint Version { get; set; }
}
