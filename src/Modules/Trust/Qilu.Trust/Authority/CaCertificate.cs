namespace Qilu.Trust.Authority;

/// <summary>A certificate of the platform's own SM2 certificate authority (root or intermediate), kept with its key id.</summary>
internal sealed class CaCertificate
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary><c>root</c> or <c>intermediate</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Key-store id of the key the certificate certifies.</summary>
    public string KeyId { get; set; } = "";

    public string Subject { get; set; } = "";

    /// <summary>Serial number, lower-case hex.</summary>
    public string Serial { get; set; } = "";

    public DateTimeOffset NotBefore { get; set; }

    public DateTimeOffset NotAfter { get; set; }

    /// <summary>The certificate, DER.</summary>
    public byte[] Der { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}
