using Microsoft.EntityFrameworkCore;
using Qilu.Notices.Data;
using Qilu.Platform.Modules;

namespace Qilu.Notices.Notices;

/// <summary>What the API answers about notices.</summary>
internal static class NoticeViews
{
    /// <summary>A notice in full.</summary>
    public sealed record Detail(Guid Id, string Title, string Body, IReadOnlyList<string> Paragraphs, string Category, string Importance,
        string Audience, string Status, Guid UnitId, string UnitName, string DivisionCode, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt,
        DateTimeOffset? ValidUntil, bool Expired, DateTimeOffset? WithdrawnAt, string? WithdrawReason, uint Version, bool CanEdit,
        DateTimeOffset? CorrectedAt, IReadOnlyList<Correction> Corrections);

    /// <summary>
    /// A correction (更正) as readers see it: number, time and note; the unit's editors also see who corrected and the
    /// text before the correction (null for everyone else).
    /// </summary>
    public sealed record Correction(int Number, DateTimeOffset CorrectedAt, string Note, string? CorrectedBy, string? PreviousTitle, string? PreviousBody);

    /// <summary>A row of a list.</summary>
    public sealed record Item(Guid Id, string Title, string Category, string Importance, string Audience, string Status,
        string UnitName, DateTimeOffset? PublishedAt, DateTimeOffset? ValidUntil, uint Version, DateTimeOffset? CorrectedAt);

    public static string StatusKey(NoticeStatus s) => s switch
    {
        NoticeStatus.Published => "published",
        NoticeStatus.Withdrawn => "withdrawn",
        _ => "draft",
    };

    /// <summary>Paragraphs of a plain-text body: split at line breaks, blank lines dropped, each trimmed.</summary>
    public static IReadOnlyList<string> Paragraphs(string body) =>
        [.. body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0)];

    public static Detail ToDetail(Notice n, bool canEdit, DateTimeOffset now, IReadOnlyList<Correction> corrections) => new(n.Id, n.Title, n.Body,
        Paragraphs(n.Body), n.Category, n.Important ? "important" : "normal", n.IsPublic ? "public" : "internal", StatusKey(n.Status), n.UnitId,
        n.UnitName, n.DivisionCode, n.CreatedAt, n.PublishedAt, n.ValidUntil, n.ValidUntil is { } until && until <= now, n.WithdrawnAt,
        n.WithdrawReason, n.Version, canEdit, n.CorrectedAt, corrections);

    /// <summary>The notice's corrections, oldest first (none is read for a notice that was never corrected).</summary>
    public static async Task<IReadOnlyList<Correction>> CorrectionsAsync(NoticesDbContext db, Notice notice, bool canEdit, CancellationToken ct) =>
        notice.CorrectedAt is null ? [] : await CorrectionsAsync(db, notice.Id, canEdit, ct);

    public static async Task<IReadOnlyList<Correction>> CorrectionsAsync(NoticesDbContext db, Guid noticeId, bool canEdit, CancellationToken ct)
    {
        var rows = await db.Corrections.AsNoTracking().Where(c => c.NoticeId == noticeId).OrderBy(c => c.Number).ToListAsync(ct);
        return [.. rows.Select(c => new Correction(c.Number, c.CorrectedAt, c.Note, canEdit ? c.CorrectedBy : null,
            canEdit ? c.PreviousTitle : null, canEdit ? c.PreviousBody : null))];
    }

    public static Item ToItem(Notice n) => new(n.Id, n.Title, n.Category, n.Important ? "important" : "normal", n.IsPublic ? "public" : "internal",
        StatusKey(n.Status), n.UnitName, n.PublishedAt, n.ValidUntil, n.Version, n.CorrectedAt);

    public static NoticeSummary ToSummary(Notice n) => new(n.Id, n.Title, n.Category, n.Important, n.UnitName, n.PublishedAt ?? n.CreatedAt, n.IsPublic);
}
