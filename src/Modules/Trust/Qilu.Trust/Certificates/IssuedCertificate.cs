namespace Qilu.Trust.Certificates;

/// <summary>
/// One version of an electronic certificate (电子证照). The signed content is <see cref="CanonicalJson"/>; the holder's
/// identifier is inside that signed form only as an SM3 commitment, and stored here encrypted with a blind index.
/// </summary>
internal sealed class IssuedCertificate
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>电子证照标识 of this version.</summary>
    public string LicenceId { get; set; } = "";

    /// <summary>流水号, shared by all versions of one certificate.</summary>
    public string Serial { get; set; } = "";

    public int VersionNumber { get; set; } = 1;

    public string TypeCode { get; set; } = "";

    public string HolderName { get; set; } = "";

    /// <summary>111 公民身份号码 or 001 统一社会信用代码 (GB/T 36903).</summary>
    public string HolderIdType { get; set; } = "";

    public string HolderIdProtected { get; set; } = "";

    public string HolderIdIndex { get; set; } = "";

    public string HolderIdMasked { get; set; } = "";

    public Guid IssuerUnitId { get; set; }

    public string IssuerName { get; set; } = "";

    public string IssuerCode { get; set; } = "";

    public string DivisionCode { get; set; } = "";

    public DateOnly IssuedOn { get; set; }

    public DateOnly? ValidUntil { get; set; }

    /// <summary>照面信息 fields as JSON object.</summary>
    public string FieldsJson { get; set; } = "{}";

    /// <summary>The exact signed bytes (UTF-8 of the canonical JSON).</summary>
    public string CanonicalJson { get; set; } = "";

    /// <summary>SM2 signature (DER) over <see cref="CanonicalJson"/> by the issuing seal.</summary>
    public byte[] Signature { get; set; } = [];

    public Guid SealId { get; set; }

    public string SealCertificateSerial { get; set; } = "";

    public CertificateStatus Status { get; set; }

    public string? StatusReason { get; set; }

    public DateTimeOffset? StatusChangedAt { get; set; }

    public int StatusListId { get; set; }

    public int StatusIndex { get; set; }

    /// <summary>Idempotency key of an event-driven issuance.</summary>
    public Guid? RequestId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public uint Version { get; set; }
}

/// <summary>Stored status of a certificate version (expiry is computed from the date).</summary>
internal enum CertificateStatus
{
    /// <summary>有效.</summary>
    Valid = 0,
    /// <summary>已中止 (suspended), may be restored.</summary>
    Suspended = 1,
    /// <summary>已撤销/吊销.</summary>
    Revoked = 2,
    /// <summary>已被新版本替代.</summary>
    Superseded = 3,
}
