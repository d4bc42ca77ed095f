namespace Qilu.Trust.Certificates;

/// <summary>
/// An annotated copy (加注件) the holder made for a stated purpose (用证事由), with its own expiry; the token is the
/// handle given to the receiving party. Every opening is a <see cref="ShareUse"/>.
/// </summary>
internal sealed class Share
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CertificateId { get; set; }

    public string Purpose { get; set; } = "";

    public string Recipient { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public string CreatedBy { get; set; } = "";

    /// <summary>SM3 of the share token (the token itself is shown once).</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>The annotated copy: the certificate's canonical form plus the annotation, signed by the platform.</summary>
    public string AnnotatedJson { get; set; } = "";

    public byte[] Signature { get; set; } = [];

    public bool Withdrawn { get; set; }
}

/// <summary>One use of a shared copy (用证记录).</summary>
internal sealed class ShareUse
{
    public long Id { get; set; }

    public Guid ShareId { get; set; }

    public DateTimeOffset At { get; set; }

    public string? SourceIp { get; set; }

    public string Outcome { get; set; } = "";
}
