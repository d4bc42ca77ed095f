using System.Text.Json.Serialization;

namespace Qilu.Sharing.Needs;

/// <summary>Where a data need stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NeedStatus>))]
internal enum NeedStatus
{
    /// <summary>待响应.</summary>
    Open = 1,
    /// <summary>已答复 (a provider replied without linking an entry).</summary>
    Answered = 2,
    /// <summary>已对接: linked to a published catalog entry.</summary>
    Linked = 3,
    /// <summary>已列入编目计划: a provider plans an entry.</summary>
    Planned = 4,
    /// <summary>已关闭 by the posting unit.</summary>
    Closed = 5,
}

/// <summary>数据需求: a unit's need for data (what, why, which fields), answered by providers on the board.</summary>
internal sealed class DataNeed
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UnitId { get; init; }
    public required string UnitName { get; init; }
    public required string Division { get; init; }
    public required string Title { get; init; }
    public required string Reason { get; init; }
    /// <summary>Wanted fields, newline-separated.</summary>
    public required string Fields { get; init; }
    public string? ProviderKind { get; init; }
    public NeedStatus Status { get; set; } = NeedStatus.Open;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public uint Version { get; set; }
    public List<NeedAnswer> Answers { get; init; } = [];
}

/// <summary>A provider's answer to a need: a reply, a link to an entry, or a plan to catalog one.</summary>
internal sealed class NeedAnswer
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid NeedId { get; init; }
    public Guid ProviderUnitId { get; init; }
    public required string ProviderName { get; init; }
    /// <summary>reply, link or plan.</summary>
    public required string Kind { get; init; }
    public required string Text { get; init; }
    public Guid? EntryId { get; init; }
    public string? EntryCode { get; init; }
    public DateOnly? PlannedBy { get; init; }
    public required string AnsweredBy { get; init; }
    public DateTimeOffset At { get; init; }
}
