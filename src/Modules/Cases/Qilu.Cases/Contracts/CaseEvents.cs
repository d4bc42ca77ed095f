using Qilu.Platform.Events;

namespace Qilu.Cases.Contracts;

/// <summary>
/// A case whose result is a certificate (a licence or another 电子证照) was decided in the applicant's favour and
/// concluded (办结). The Trust module issues the certificate into the holder's wallet.
/// </summary>
/// <param name="CaseId">Case id.</param>
/// <param name="CaseNumber">办件编号.</param>
/// <param name="MatterCode">基本编码 of the matter.</param>
/// <param name="MatterName">Matter name.</param>
/// <param name="HolderName">持证主体 name.</param>
/// <param name="HolderIdType">持证主体代码类型: <c>身份证</c> (公民身份号码) or <c>统一社会信用代码</c>.</param>
/// <param name="HolderId">持证主体代码 (the identifier itself).</param>
/// <param name="HolderSubjectId">Account of the applicant who receives it in the wallet.</param>
/// <param name="CertificateTypeCode">电子证照类型代码 (Trust's <c>CertificateTypeCodes</c>, e.g. 出生医学证明 <c>11100000MB0000027F001</c>).</param>
/// <param name="CertificateName">Certificate name, e.g. 出生医学证明.</param>
/// <param name="IssuingUnitId">Issuing unit (the responsible unit of the case).</param>
/// <param name="IssuingUnitName">Issuing unit's name.</param>
/// <param name="IssuingUnitCreditCode">Issuing unit's 统一社会信用代码.</param>
/// <param name="Fields">Certificate surface fields (照面信息) taken from the form, by data element or field key.</param>
public sealed record CaseConcludedWithLicence(Guid CaseId, string CaseNumber, string MatterCode, string MatterName, string HolderName,
    string HolderIdType, string HolderId, string HolderSubjectId, string CertificateTypeCode, string CertificateName, Guid IssuingUnitId,
    string IssuingUnitName, string IssuingUnitCreditCode, IReadOnlyDictionary<string, string> Fields) : IntegrationEvent;

/// <summary>
/// An applicant rated a concluded case 不满意 or 非常不满意 (差评): a rectification task was opened for the unit.
/// The Hotline module follows these up.
/// </summary>
/// <param name="RatingId">Rating id.</param>
/// <param name="CaseId">Case id.</param>
/// <param name="CaseNumber">办件编号.</param>
/// <param name="MatterCode">Matter basic code.</param>
/// <param name="MatterName">Matter name.</param>
/// <param name="UnitId">Unit rated.</param>
/// <param name="UnitName">Unit name.</param>
/// <param name="DivisionCode">Division of the unit.</param>
/// <param name="Level">1 (非常不满意) or 2 (不满意).</param>
/// <param name="Comment">The applicant's comment.</param>
/// <param name="RectificationDueAt">Deadline of the rectification (15 working days).</param>
public sealed record CaseRatedBadly(Guid RatingId, Guid CaseId, string CaseNumber, string MatterCode, string MatterName, Guid UnitId,
    string UnitName, string DivisionCode, int Level, string? Comment, DateTimeOffset? RectificationDueAt) : IntegrationEvent;

/// <summary>A case changed status (申请, 受理, 补正, 审查, 决定, 办结, 送达 …); for notifications and statistics.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="CaseNumber">办件编号.</param>
/// <param name="ApplicantSubjectId">Applicant's account.</param>
/// <param name="Status">New status code (<c>submitted</c>, <c>under_review</c>, <c>concluded</c> …).</param>
/// <param name="StatusName">New status in Chinese.</param>
public sealed record CaseStatusChanged(Guid CaseId, string CaseNumber, string ApplicantSubjectId, string Status, string StatusName) : IntegrationEvent;
