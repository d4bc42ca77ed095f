using System.Text.Json.Serialization;

namespace Qilu.OpenData.Feedback;

/// <summary>Whether a data request or a correction was answered.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeedbackStatus>))]
internal enum FeedbackStatus
{
    /// <summary>待答复.</summary>
    Open = 1,

    /// <summary>已采纳 (request planned / correction made).</summary>
    Accepted = 2,

    /// <summary>不予采纳, with the reason.</summary>
    Declined = 3,
}

/// <summary>需求征集: the public asks for data that is not open yet, addressed to a providing unit.</summary>
internal sealed class DataRequest
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProviderUnitId { get; set; }

    public string ProviderName { get; set; } = "";

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public string RequesterId { get; set; } = "";

    public string RequesterName { get; set; } = "";

    public FeedbackStatus Status { get; set; } = FeedbackStatus.Open;

    public string? Answer { get; set; }

    public string? AnsweredBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public uint Version { get; set; }
}

/// <summary>纠错: someone reports an error in a dataset; its publisher answers.</summary>
internal sealed class Correction
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DatasetId { get; set; }

    public Guid ProviderUnitId { get; set; }

    public string DatasetTitle { get; set; } = "";

    public string Description { get; set; } = "";

    public string ReporterId { get; set; } = "";

    public string ReporterName { get; set; } = "";

    public FeedbackStatus Status { get; set; } = FeedbackStatus.Open;

    public string? Answer { get; set; }

    public string? AnsweredBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public uint Version { get; set; }
}
