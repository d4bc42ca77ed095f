namespace Qilu.Trust.Contracts;

/// <summary>
/// Read access to the certificates a person or enterprise holds, for other modules (a matter that accepts a 营业执照
/// instead of an upload asks here). Holders are named by their identifier: a 公民身份号码 or a 统一社会信用代码;
/// lookups go through a blind index, the identifier itself is never stored in clear.
/// </summary>
public interface ICertificateWallet
{
    /// <summary>
    /// Certificates held by <paramref name="holderIdentifier"/>, newest first, optionally of one type; latest version of
    /// each certificate only. An invalid identifier gives an empty list.
    /// </summary>
    Task<IReadOnlyList<HeldCertificate>> ListHeldAsync(string holderIdentifier, string? typeCode = null, CancellationToken ct = default);

    /// <summary>True when the holder has a currently valid certificate of <paramref name="typeCode"/>.</summary>
    Task<bool> HoldsValidAsync(string holderIdentifier, string typeCode, CancellationToken ct = default);

    /// <summary>
    /// The kind of department (<c>market</c>, <c>health</c> …, as units' kinds in the organisation directory) whose units
    /// issue certificates of <paramref name="typeCode"/>, or null for an unknown type. A 核验 of a licence is answered
    /// only under a grant from such a unit: the register of a licence belongs to the authority that issues it.
    /// </summary>
    Task<string?> IssuerKindAsync(string typeCode, CancellationToken ct = default);

    /// <summary>
    /// The holder's newest valid certificate of <paramref name="typeCode"/> with its items, or null when none is valid.
    /// For the holder's own use (a form they fill in): callers must only pass the signed-in holder's own identifier.
    /// </summary>
    Task<HeldCertificateData?> ReadValidAsync(string holderIdentifier, string typeCode, CancellationToken ct = default);
}
