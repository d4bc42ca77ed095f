using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Cryptography.Fields;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;

namespace Qilu.Trust.Certificates;

/// <summary>The <see cref="ICertificateWallet"/> other modules query (lookups by blind index only).</summary>
internal sealed class CertificateWallet(TrustDbContext db, IFieldProtector protector, TimeProvider clock) : ICertificateWallet
{
    public async Task<IReadOnlyList<HeldCertificate>> ListHeldAsync(string holderIdentifier, string? typeCode = null, CancellationToken ct = default)
    {
        if (HolderIdentifier.TryParseAny(holderIdentifier) is not { } holder) return [];
        return await ListAsync(db, holder.Index(protector), typeCode, clock.GetUtcNow(), ct);
    }

    public async Task<bool> HoldsValidAsync(string holderIdentifier, string typeCode, CancellationToken ct = default) =>
        (await ListHeldAsync(holderIdentifier, typeCode, ct)).Any(c => c.Status == "valid");

    /// <summary>The latest version of each certificate of a holder, newest first.</summary>
    internal static async Task<IReadOnlyList<HeldCertificate>> ListAsync(TrustDbContext db, string holderIndex, string? typeCode,
        DateTimeOffset now, CancellationToken ct)
    {
        var query = db.Certificates.AsNoTracking().Where(c => c.HolderIdIndex == holderIndex && c.Status != CertificateStatus.Superseded);
        if (typeCode is not null) query = query.Where(c => c.TypeCode == typeCode);
        var rows = await query.ToListAsync(ct);
        var types = await db.CertificateTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        return [.. rows.OrderByDescending(c => c.CreatedAt).Select(c => ToHeld(c, types.GetValueOrDefault(c.TypeCode, c.TypeCode), now))];
    }

    public static HeldCertificate ToHeld(IssuedCertificate c, string typeName, DateTimeOffset now) =>
        new(c.Id, c.LicenceId, c.TypeCode, typeName, c.HolderName, c.IssuerName, c.IssuerCode, c.IssuedOn, c.ValidUntil, StatusText(c, now));

    /// <summary>valid, suspended, revoked, superseded or expired (expiry is computed at read time from 有效期).</summary>
    public static string StatusText(IssuedCertificate c, DateTimeOffset now) => c.Status switch
    {
        CertificateStatus.Revoked => "revoked",
        CertificateStatus.Suspended => "suspended",
        CertificateStatus.Superseded => "superseded",
        _ when c.ValidUntil is { } until && DateOnly.FromDateTime(now.UtcDateTime) > until => "expired",
        _ => "valid",
    };
}
