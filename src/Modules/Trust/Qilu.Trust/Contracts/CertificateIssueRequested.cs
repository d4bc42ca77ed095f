namespace Qilu.Trust.Contracts;

/// <summary>
/// Another module asks the Trust module to issue a certificate into the holder's wallet (a case that ends in a licence).
/// Published through the requesting module's outbox; handled idempotently by <see cref="RequestId"/>: a repeated
/// delivery issues nothing new. A request that cannot be honoured (invalid holder, unknown type, no seal in use) is
/// audited as refused and not retried.
/// </summary>
/// <param name="RequestId">Idempotency key chosen by the requester (for example the case id).</param>
/// <param name="IssuerUnitId">The issuing unit (its seal signs).</param>
/// <param name="TypeCode">证照类型代码.</param>
/// <param name="HolderName">持证主体名称.</param>
/// <param name="HolderIdentifier">公民身份号码 or 统一社会信用代码.</param>
/// <param name="ValidUntil">有效期截止, or null.</param>
/// <param name="Fields">照面信息: the type's schema fields.</param>
public sealed record CertificateIssueRequested(Guid RequestId, Guid IssuerUnitId, string TypeCode, string HolderName,
    string HolderIdentifier, DateOnly? ValidUntil, IReadOnlyDictionary<string, string> Fields) : Qilu.Platform.Events.IntegrationEvent;
