namespace Qilu.Trust;

/// <summary>Trust module settings (<c>Qilu:Trust:*</c>).</summary>
internal sealed class TrustOptions
{
    /// <summary>The public address verifiers reach this platform at; written into status-list URLs of certificates.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>A single .ttf CJK font for the PDF and PNG renderings; empty = the known Debian font paths.</summary>
    public string? FontPath { get; set; }

    /// <summary>Base URL of a status list; the two purposes are at <c>/revocation</c> and <c>/suspension</c> below it.</summary>
    public string StatusListUrl(int listId) => $"{PublicBaseUrl.TrimEnd('/')}/api/trust/status/{listId}";
}
