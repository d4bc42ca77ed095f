using Qilu.Identity.Contracts;
using Qilu.SharedKernel.Results;

namespace Qilu.Trust.Certificates;

internal sealed partial class CertificateIssuer
{
    private IssuedCertificate? _reissuing;
    private string? _reissueReason;

    /// <summary>
    /// 变更: issues the next version of <paramref name="previous"/> — same 流水号, version part + 1 (so a new check
    /// character), a new status slot, the same holder — with the draft's fields, after the same checks as a first
    /// issuance. Publishes <see cref="Contracts.CertificateReissued"/> (not <see cref="Contracts.CertificateIssued"/>) with
    /// <paramref name="reason"/>. The caller marks <paramref name="previous"/> superseded and saves both in one transaction.
    /// </summary>
    public async Task<Result<IssuedCertificate>> ReissueAsync(UnitInfo unit, IssuedCertificate previous, Draft draft, string reason, string createdBy,
        CancellationToken ct)
    {
        _reissuing = previous;
        _reissueReason = reason;
        try
        {
            return await IssueAsync(unit, draft, createdBy, null, ct);
        }
        finally
        {
            _reissuing = null;
            _reissueReason = null;
        }
    }
}
