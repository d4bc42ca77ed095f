using Qilu.Matters.Contracts;

namespace Qilu.Matters.Catalog;

/// <summary>
/// A catalog entry: the provincial standard of a matter (<see cref="StandardId"/> null, division 370000) or a local
/// implementation of it by one unit in one division. Its content lives in numbered <see cref="MatterVersion"/>s: at
/// most one draft and one published version at a time; publishing supersedes the previous one.
/// </summary>
internal sealed class Matter
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>基本编码.</summary>
    public required string BasicCode { get; init; }

    public required string DivisionCode { get; init; }

    /// <summary>The standard this implements; null for a standard.</summary>
    public Guid? StandardId { get; init; }

    public MatterLevel Level { get; set; }

    public string? ParentCode { get; set; }

    public MatterType Type { get; set; }

    /// <summary>Effective name of the latest version (for lists and search).</summary>
    public required string Name { get; set; }

    /// <summary>Keywords joined by spaces, for the portal's database search.</summary>
    public string Keywords { get; set; } = "";

    public string? ImplementationCode { get; set; }

    public Guid? ImplementingUnitId { get; set; }

    public string? ImplementingUnitName { get; set; }

    public string? ImplementingUnitCreditCode { get; set; }

    public string? ImplementingUnitKind { get; set; }

    /// <summary>Number of the published version, if any.</summary>
    public int? PublishedVersion { get; set; }

    /// <summary>Number of the open draft, if any.</summary>
    public int? DraftVersion { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token; clients send it back as <c>revision</c> and get 409 when it moved.</summary>
    public uint Revision { get; set; }

    public bool IsStandard => StandardId is null;

    public List<MatterVersion> Versions { get; init; } = [];
}

/// <summary>Status of a matter version.</summary>
internal enum VersionStatus
{
    Draft = 1,
    Published = 2,
    Superseded = 3,
}

/// <summary>One numbered version of a matter's content (JSON of <see cref="MatterContent"/>).</summary>
internal sealed class MatterVersion
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid MatterId { get; init; }

    public int Number { get; init; }

    public VersionStatus Status { get; set; }

    public required string Content { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }
}
