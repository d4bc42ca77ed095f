namespace Qilu.Trust.Seals;

/// <summary>
/// An electronic seal (电子印章) of a unit: its lifecycle, its SM2 key (in the key store under
/// <see cref="KeyPurpose"/>), its X.509 certificate from the platform's intermediate CA and its GB/T 38540 SESeal.
/// </summary>
internal sealed class Seal
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid UnitId { get; set; }

    public string UnitName { get; set; } = "";

    public string UnitCreditCode { get; set; } = "";

    public string DivisionCode { get; set; } = "";

    public SealType Type { get; set; }

    /// <summary>印章名称 as it appears in SES_ESPropertyInfo.name (unit name + type).</summary>
    public string Name { get; set; } = "";

    public SealStatus Status { get; set; }

    /// <summary>Why the last suspension, revocation or rejection happened.</summary>
    public string? StatusReason { get; set; }

    public string AppliedBy { get; set; } = "";

    public DateTimeOffset AppliedAt { get; set; }

    public string? ApprovedBy { get; set; }

    public DateTimeOffset? MadeAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Key-store purpose of the seal's own key (<c>trust.seal.&lt;id&gt;</c>).</summary>
    public string KeyPurpose => $"trust.seal.{Id:N}";

    public string? KeyId { get; set; }

    /// <summary>Seal certificate serial (hex), the handle QR payloads and verifiers use.</summary>
    public string? CertificateSerial { get; set; }

    public byte[]? CertificateDer { get; set; }

    public DateTimeOffset? ValidFrom { get; set; }

    public DateTimeOffset? ValidUntil { get; set; }

    /// <summary>The GB/T 38540 SESeal (DER), signed by the platform's intermediate CA as 制章者.</summary>
    public byte[]? SealDer { get; set; }

    /// <summary>The round red seal picture (SVG).</summary>
    public string? Svg { get; set; }

    public uint Version { get; set; }

    /// <summary>The lifecycle: which actions each state allows.</summary>
    public static IReadOnlyList<string> AllowedActions(SealStatus status) => status switch
    {
        SealStatus.Applied => ["approve", "reject"],
        SealStatus.Approved => ["make"],
        SealStatus.Made => ["use", "revoke"],
        SealStatus.InUse => ["suspend", "revoke"],
        SealStatus.Suspended => ["resume", "revoke"],
        _ => [],
    };

    /// <summary>The state an allowed action leads to, or null when <paramref name="action"/> is not allowed now.</summary>
    public SealStatus? Next(string action) => !AllowedActions(Status).Contains(action) ? null : action switch
    {
        "approve" => SealStatus.Approved,
        "reject" => SealStatus.Rejected,
        "make" => SealStatus.Made,
        "use" => SealStatus.InUse,
        "suspend" => SealStatus.Suspended,
        "resume" => SealStatus.InUse,
        "revoke" => SealStatus.Revoked,
        _ => null,
    };
}
