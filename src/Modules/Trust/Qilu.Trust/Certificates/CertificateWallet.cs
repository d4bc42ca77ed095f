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

    public async Task<string?> IssuerKindAsync(string typeCode, CancellationToken ct = default) =>
        await db.CertificateTypes.AsNoTracking().Where(t => t.Code == typeCode).Select(t => t.IssuerKind).FirstOrDefaultAsync(ct);

    public async Task<HeldCertificateData?> ReadValidAsync(string holderIdentifier, string typeCode, CancellationToken ct = default)
    {
        if (HolderIdentifier.TryParseAny(holderIdentifier) is not { } holder) return null;
        var now = clock.GetUtcNow();
        var index = holder.Index(protector);
        var rows = await db.Certificates.AsNoTracking()
            .Where(c => c.HolderIdIndex == index && c.TypeCode == typeCode && c.Status == CertificateStatus.Valid).ToListAsync(ct);
        var newest = rows.Where(c => StatusText(c, now) == "valid").OrderByDescending(c => c.CreatedAt).FirstOrDefault();
        if (newest is null) return null;
        var type = await db.CertificateTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Code == typeCode, ct);
        var schema = type is null ? [] : System.Text.Json.JsonSerializer.Deserialize<List<SchemaField>>(type.SchemaJson, TrustJson.Options) ?? [];
        var values = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(newest.FieldsJson) ?? [];
        // Labels in the schema's order; an item the schema no longer names keeps its key as the label.
        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in schema)
            if (values.TryGetValue(f.Name, out var v) && !string.IsNullOrEmpty(v)) items[f.Label] = v;
        foreach (var (k, v) in values)
            if (schema.All(f => f.Name != k) && !string.IsNullOrEmpty(v)) items.TryAdd(k, v);
        return new HeldCertificateData(ToHeld(newest, type?.Name ?? typeCode, now), items);
    }

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
