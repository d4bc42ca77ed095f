namespace Qilu.Trust.Federation;

/// <summary>
/// An outgoing cross-region request (跨省调证) this platform's official made to a peer platform, with the stated purpose
/// and the outcome of verifying the answer against the peer's published CA chain.
/// </summary>
internal sealed class FederationRequest
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string Peer { get; set; } = "";

    public string OfficialSubject { get; set; } = "";

    public string OfficialName { get; set; } = "";

    public Guid? UnitId { get; set; }

    public string UnitName { get; set; } = "";

    public string DivisionCode { get; set; } = "";

    public string HolderMasked { get; set; } = "";

    public string TypeCode { get; set; } = "";

    public string Purpose { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary><c>verified</c>, <c>verification_failed</c>, <c>not_found</c>, <c>forbidden</c>, <c>peer_error</c>.</summary>
    public string Outcome { get; set; } = "";

    public string Detail { get; set; } = "";

    public string? LicenceId { get; set; }

    /// <summary>The signed certificate as received (canonical JSON), kept when it verified.</summary>
    public string? CertificateJson { get; set; }
}
