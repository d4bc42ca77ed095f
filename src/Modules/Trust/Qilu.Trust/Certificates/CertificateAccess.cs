using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Contracts;
using Qilu.Platform.Cryptography.Fields;
using Qilu.SharedKernel.Actors;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;
using Qilu.Trust.Wallet;

namespace Qilu.Trust.Certificates;

/// <summary>
/// Who may take a certificate's renderings (PDF, VC): its holder (the citizen by their 公民身份号码, an enterprise agent
/// for their enterprise, matched by blind index) or an official with read permission within scope. Anyone else gets
/// "not found", so identifiers of other people's certificates are not confirmed.
/// </summary>
internal static class CertificateAccess
{
    public static async Task<(IssuedCertificate? Certificate, string As)> FindAsync(TrustDbContext db, Actor actor, Guid id,
        IPersonDirectory people, IFieldProtector protector, CancellationToken ct)
    {
        var c = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return (null, "");
        if (actor.Has(TrustPermissions.CertificatesRead) && CertificateScope.CanSee(actor, c)) return (c, "official");
        if (actor.Kind is ActorKind.Citizen or ActorKind.EnterpriseAgent)
        {
            var index = await WalletHolder.IndexAsync(actor, people, protector, ct);
            if (index.IsSuccess && index.Value == c.HolderIdIndex) return (c, "holder");
        }
        return (null, "");
    }
}
