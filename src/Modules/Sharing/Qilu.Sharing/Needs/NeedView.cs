namespace Qilu.Sharing.Needs;

/// <summary>A need on the board with its answers.</summary>
internal sealed record NeedView(Guid Id, Guid UnitId, string UnitName, string Title, string Reason, IReadOnlyList<string> Fields, string? ProviderKind,
    NeedStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? AnsweredAt, uint Version, IReadOnlyList<AnswerView> Answers)
{
    public static NeedView Of(DataNeed n) => new(n.Id, n.UnitId, n.UnitName, n.Title, n.Reason, n.Fields.Split('\n', StringSplitOptions.RemoveEmptyEntries),
        n.ProviderKind, n.Status, n.CreatedAt, n.AnsweredAt, n.Version,
        [.. n.Answers.OrderBy(a => a.At).Select(a => new AnswerView(a.ProviderUnitId, a.ProviderName, a.Kind, a.Text, a.EntryId, a.EntryCode, a.PlannedBy, a.AnsweredBy, a.At))]);
}

/// <summary>One answer.</summary>
internal sealed record AnswerView(Guid ProviderUnitId, string ProviderName, string Kind, string Text, Guid? EntryId, string? EntryCode, DateOnly? PlannedBy,
    string AnsweredBy, DateTimeOffset At);
