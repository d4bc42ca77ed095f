using Qilu.Hotline.Categories;

namespace Qilu.Hotline.Tickets;

/// <summary>A ticket as one actor may see it: the caller masked (or hidden for a 保密件), the actions allowed to them now.</summary>
internal sealed record TicketView(
    Guid Id, string Number, string Channel, string ChannelName, string Status, string StatusName, string Content,
    string DivisionCode, string? Address, double? Latitude, double? Longitude, string CategoryCode, string CategoryName,
    string Urgency, bool Confidential, string? CallerName, string? CallerPhone, bool CallerHidden,
    string? SuggestedCategory, double? SuggestedConfidence, Guid? LeadUnitId, string? LeadUnitName, IReadOnlyList<string> CoUnitNames,
    DateTimeOffset CreatedAt, DateTimeOffset? SignDueAt, DateTimeOffset? DueAt, bool Overdue, DateTimeOffset? RepliedAt, string? Reply,
    IReadOnlyList<string> Evidence, string? Satisfaction, DateTimeOffset? ClosedAt, int ReopenCount, string? ReturnReason,
    DateTimeOffset? ExtensionRequestedUntil, string? ExtensionReason, int EscalationLevel, string? EscalatedTo, int SupervisionCount,
    uint Version, IReadOnlyList<string> AllowedActions, IReadOnlyList<TicketView.Entry> Timeline, bool ClosedDirectly = false,
    Guid? KnowledgeArticleId = null, uint? KnowledgeArticleVersion = null)
{
    /// <summary>A timeline line.</summary>
    public sealed record Entry(DateTimeOffset At, string Action, string Title, string ActorName, string? Note);

    public static TicketView Of(Ticket t, TicketCapacity who, CategoryCatalog categories, DateTimeOffset now, IEnumerable<TicketEntry>? entries = null)
    {
        var seeCaller = TicketScope.MaySeeCaller(who, t);
        var citizenOnly = who == TicketCapacity.Citizen;
        var evidence = t.EvidenceJson is null ? [] : System.Text.Json.JsonSerializer.Deserialize<List<string>>(t.EvidenceJson) ?? [];
        return new TicketView(t.Id, t.Number, TicketChannels.Key(t.Channel), TicketChannels.Zh(t.Channel), TicketStatuses.Key(t.Status), TicketStatuses.Zh(t.Status),
            t.Content, t.DivisionCode, t.Address, t.Latitude, t.Longitude, t.CategoryCode, categories.PathName(t.CategoryCode),
            TicketEnums.Key(t.Urgency), t.Confidential, seeCaller ? t.CallerNameMasked : null, seeCaller ? t.CallerPhoneMasked : null, !seeCaller,
            t.SuggestedCategory, t.SuggestedConfidence, t.LeadUnitId, t.LeadUnitName,
            t.CoUnitNames.Length == 0 ? [] : t.CoUnitNames.Split('、'),
            t.CreatedAt, t.SignDueAt, t.DueAt, t.CurrentDeadline is { } d && d < now, t.RepliedAt, t.Reply, evidence,
            t.Satisfaction is { } s ? TicketEnums.Key(s) : null, t.ClosedAt, t.ReopenCount, citizenOnly ? null : t.ReturnReason,
            t.ExtensionUntil, citizenOnly ? null : t.ExtensionReason, t.EscalationLevel, t.EscalatedTo, t.SupervisionCount, t.Version,
            TicketMachine.Allowed(t, who),
            entries is null ? [] : [.. entries.Where(e => e.Public || !citizenOnly).OrderBy(e => e.At).ThenBy(e => e.Id)
                .Select(e => new Entry(e.At, e.Action, e.Title, citizenOnly ? "" : e.ActorName, e.Note))],
            t.ClosedDirectly, t.KnowledgeArticleId, t.KnowledgeArticleVersion);
    }
}
