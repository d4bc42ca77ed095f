namespace Qilu.Trust.Codes;

/// <summary>
/// One entry of the holder's use record (用证记录): a certificate released (or refused) to a party through a personal
/// code, or served to another province's platform. Shown in the wallet; complements the audit log, which records the
/// officials' side.
/// </summary>
internal sealed class CertificateUse
{
    public long Id { get; set; }

    /// <summary>The certificate version concerned; null for a refusal that released nothing.</summary>
    public Guid? CertificateId { get; set; }

    public string? LicenceId { get; set; }

    public string HolderIndex { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary><c>personal_code</c> or <c>federation</c>.</summary>
    public string Channel { get; set; } = "";

    public Guid? RequestId { get; set; }

    /// <summary>Who used it: the unit (and official) or the requesting platform.</summary>
    public string Party { get; set; } = "";

    public string Purpose { get; set; } = "";

    /// <summary><c>released</c>, <c>refused</c>, <c>served</c>.</summary>
    public string Outcome { get; set; } = "";
}
