namespace Qilu.Trust.Codes;

/// <summary>
/// One personal code (个人码, 鲁通码-style) a citizen showed: a signed, short-lived QR with a one-time nonce. The row
/// exists from issuance so that a scan can be matched and consumed exactly once (<see cref="ScannedAt"/> set by a
/// conditional update); a second scan of the same nonce finds it consumed and is refused.
/// </summary>
internal sealed class PersonalCode
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>128-bit random nonce, base64url (the QR carries it in the signed body).</summary>
    public string Nonce { get; set; } = "";

    /// <summary>Blind index of the holder's 公民身份号码 (the wallet key); the identifier itself is never stored here.</summary>
    public string HolderIndex { get; set; } = "";

    public string HolderSubject { get; set; } = "";

    public string HolderName { get; set; } = "";

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? ScannedAt { get; set; }

    public string? ScannedBy { get; set; }
}
