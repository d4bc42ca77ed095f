namespace Qilu.Notices.Notices;

/// <summary>
/// One correction (更正) of a published notice: when, by whom, why, and what the notice said before. A published notice
/// is not rewritten silently: readers see every correction's date and note under the text, and the text before each
/// correction stays on record for the unit (and in the audit log).
/// </summary>
internal sealed class NoticeCorrection
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid NoticeId { get; set; }

    /// <summary>1 for the first correction of the notice, then 2, 3 … (unique per notice).</summary>
    public int Number { get; set; }

    public DateTimeOffset CorrectedAt { get; set; }

    /// <summary>The correcting official's display name (shown to the unit's editors, not on the portal).</summary>
    public string CorrectedBy { get; set; } = "";

    /// <summary>更正说明: what was corrected and why, shown with the notice.</summary>
    public string Note { get; set; } = "";

    public string PreviousTitle { get; set; } = "";

    public string PreviousBody { get; set; } = "";
}
