namespace Qilu.Trust.Contracts;

/// <summary>
/// A certificate was changed (变更): its issuing unit issued the next version, and the previous version is superseded
/// (its revocation bit set). A separate event from <see cref="CertificateIssued"/> on purpose: a new version is not a
/// new fact about the holder — a 出生医学证明 whose spelling was corrected is not a second birth — so services that
/// react to issuance (主动服务 offers) must not fire again, while services that keep a certificate's 照面信息 or
/// 电子证照标识 (a case's material list, a holder's view) replace <see cref="PreviousLicenceId"/> with
/// <see cref="LicenceId"/>. The holder's identifier does not travel, as with <see cref="CertificateIssued"/>.
/// </summary>
/// <param name="CertificateId">Internal id of the new version.</param>
/// <param name="LicenceId">电子证照标识 of the new version (version part incremented, new check character).</param>
/// <param name="VersionNumber">The new version's number (2 for the first change).</param>
/// <param name="PreviousCertificateId">Internal id of the superseded version.</param>
/// <param name="PreviousLicenceId">电子证照标识 of the superseded version.</param>
/// <param name="Reason">变更原因 as the issuing official gave it.</param>
/// <param name="TypeCode">证照类型代码.</param>
/// <param name="TypeName">证照类型名称.</param>
/// <param name="HolderName">持证主体名称 (may have changed).</param>
/// <param name="HolderKind"><c>person</c> or <c>organisation</c>.</param>
/// <param name="HolderIdMasked">Masked holder identifier, for display only.</param>
/// <param name="HolderSubjectId">The holder's citizen account, when there is one.</param>
/// <param name="IssuerUnitId">Issuing unit.</param>
/// <param name="IssuerName">Issuing unit's name.</param>
/// <param name="IssuerDivisionCode">Issuing unit's division.</param>
/// <param name="IssuedOn">颁证日期 of the new version.</param>
/// <param name="ValidUntil">有效期截止, or null.</param>
/// <param name="Fields">照面信息 of the new version.</param>
public sealed record CertificateReissued(Guid CertificateId, string LicenceId, int VersionNumber, Guid PreviousCertificateId, string PreviousLicenceId,
    string Reason, string TypeCode, string TypeName, string HolderName, string HolderKind, string HolderIdMasked, string? HolderSubjectId,
    Guid IssuerUnitId, string IssuerName, string IssuerDivisionCode, DateOnly IssuedOn, DateOnly? ValidUntil,
    IReadOnlyDictionary<string, string> Fields) : Qilu.Platform.Events.IntegrationEvent;
