namespace Qilu.Trust.Contracts;

/// <summary>An electronic certificate (电子证照) as other modules see it: public fields only, never the holder's identifier.</summary>
/// <param name="Id">Internal id.</param>
/// <param name="LicenceId">电子证照标识 (GB/T 36904).</param>
/// <param name="TypeCode">证照类型代码.</param>
/// <param name="TypeName">证照类型名称.</param>
/// <param name="HolderName">持证主体名称.</param>
/// <param name="IssuerName">颁发机构.</param>
/// <param name="IssuerCode">颁发机构代码 (统一社会信用代码).</param>
/// <param name="IssuedOn">颁证日期.</param>
/// <param name="ValidUntil">有效期截止, null when indefinite.</param>
/// <param name="Status">valid, suspended, revoked, superseded or expired.</param>
public sealed record HeldCertificate(Guid Id, string LicenceId, string TypeCode, string TypeName, string HolderName,
    string IssuerName, string IssuerCode, DateOnly IssuedOn, DateOnly? ValidUntil, string Status);
