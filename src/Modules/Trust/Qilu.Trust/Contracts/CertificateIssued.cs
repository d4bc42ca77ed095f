namespace Qilu.Trust.Contracts;

/// <summary>
/// A certificate (电子证照) was issued into its holder's wallet. Published through the Trust module's outbox in the
/// issuance's transaction, for services that react to register events (主动服务: a 出生医学证明 issued offers
/// 新生儿出生一件事 to the parent). The holder's identifier does not travel: the Trust module resolves it to the
/// holder's citizen account (<see cref="HolderSubjectId"/>) when there is one and sends only a masked form for display.
/// </summary>
/// <param name="CertificateId">Internal id of the certificate (its first version).</param>
/// <param name="LicenceId">电子证照标识.</param>
/// <param name="TypeCode">证照类型代码 (<see cref="CertificateTypeCodes"/>).</param>
/// <param name="TypeName">证照类型名称.</param>
/// <param name="HolderName">持证主体名称.</param>
/// <param name="HolderKind"><c>person</c> or <c>organisation</c>.</param>
/// <param name="HolderIdMasked">Masked holder identifier (<c>370102********1234</c>), for display and traces only.</param>
/// <param name="HolderSubjectId">The citizen account of the holder, found by blind index; null when the holder has none.</param>
/// <param name="IssuerUnitId">Issuing unit.</param>
/// <param name="IssuerName">Issuing unit's name.</param>
/// <param name="IssuerDivisionCode">Issuing unit's division.</param>
/// <param name="IssuedOn">颁证日期.</param>
/// <param name="ValidUntil">有效期截止, or null.</param>
/// <param name="RequestId">The <see cref="CertificateIssueRequested.RequestId"/> it answered (e.g. a case id); null when an official issued it directly.</param>
/// <param name="Fields">照面信息 (the type's schema fields).</param>
public sealed record CertificateIssued(Guid CertificateId, string LicenceId, string TypeCode, string TypeName, string HolderName,
    string HolderKind, string HolderIdMasked, string? HolderSubjectId, Guid IssuerUnitId, string IssuerName, string IssuerDivisionCode,
    DateOnly IssuedOn, DateOnly? ValidUntil, Guid? RequestId, IReadOnlyDictionary<string, string> Fields) : Qilu.Platform.Events.IntegrationEvent;
