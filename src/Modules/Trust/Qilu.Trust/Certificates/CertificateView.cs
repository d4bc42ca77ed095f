using Microsoft.EntityFrameworkCore;
using Qilu.SharedKernel.Actors;
using Qilu.Trust.Data;

namespace Qilu.Trust.Certificates;

/// <summary>A certificate version as the API shows it (holder identifier masked).</summary>
internal sealed record CertificateView(Guid Id, string LicenceId, int VersionNumber, string TypeCode, string TypeName, string HolderName,
    string HolderIdType, string HolderIdMasked, string IssuerName, string IssuerCode, string DivisionCode, DateOnly IssuedOn,
    DateOnly? ValidUntil, IReadOnlyDictionary<string, string> Fields, string Status, string? StatusReason, int StatusListId,
    int StatusIndex, string CanonicalJson, string Signature, string SealCertificateSerial, uint Version)
{
    public static CertificateView From(IssuedCertificate c, string typeName, DateTimeOffset now) => new(c.Id, c.LicenceId, c.VersionNumber,
        c.TypeCode, typeName, c.HolderName, c.HolderIdType, c.HolderIdMasked, c.IssuerName, c.IssuerCode, c.DivisionCode, c.IssuedOn,
        c.ValidUntil, System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(c.FieldsJson) ?? [],
        CertificateWallet.StatusText(c, now), c.StatusReason, c.StatusListId, c.StatusIndex, c.CanonicalJson,
        Convert.ToBase64String(c.Signature), c.SealCertificateSerial, c.Version);
}

/// <summary>Which certificates an official may see and manage: those issued by their unit or within their division subtree.</summary>
internal static class CertificateScope
{
    public static bool CanSee(Actor actor, IssuedCertificate c) => actor.DepartmentId == c.IssuerUnitId || actor.CanSeeDivision(c.DivisionCode);

    public static async Task<IssuedCertificate?> FindAsync(TrustDbContext db, Actor actor, Guid id, CancellationToken ct)
    {
        var c = await db.Certificates.FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is not null && CanSee(actor, c) ? c : null;
    }
}
