using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Cryptography;
using Qilu.SharedKernel.Identifiers;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Certificates;

namespace Qilu.Trust.Codes;

/// <summary>
/// An enterprise as the certificate store knows it (企业码 profile): name and division from its newest certificate, and
/// its currently valid certificates' public fields. No 照面信息 (which may name persons, e.g. 法定代表人) is exposed.
/// </summary>
internal static class EnterpriseDirectory
{
    public sealed record Licence(string LicenceId, string TypeCode, string TypeName, string IssuerName, DateOnly IssuedOn, DateOnly? ValidUntil);

    public sealed record Profile(string CreditCode, string Name, string DivisionCode, string DivisionName, IReadOnlyList<Licence> Licences);

    /// <summary>The profile, or 400 for an invalid code, 404 when the store holds no certificate of the enterprise.</summary>
    public static async Task<Result<Profile>> FindAsync(string? creditCode, CodeServices s, CancellationToken ct)
    {
        var code = CreditCode.Parse(creditCode);
        if (!code.IsSuccess) return Result<Profile>.Failure([.. code.Errors.Select(e => e with { Field = "creditCode" })], ErrorKind.Validation);
        var holder = new HolderIdentifier(HolderIdentifier.OrganisationCode, code.Value.ToString());
        var index = holder.Index(s.Protector);
        var rows = await s.Trust.Certificates.AsNoTracking()
            .Where(c => c.HolderIdIndex == index && c.HolderIdType == HolderIdentifier.OrganisationCode && c.Status != CertificateStatus.Superseded)
            .ToListAsync(ct);
        if (rows.Count == 0)
            return Result<Profile>.Failure(new Error("enterprise.not_found", "证照库中没有该企业", "The certificate store has no such enterprise"), ErrorKind.NotFound);
        var now = s.Clock.GetUtcNow();
        var newest = rows.OrderByDescending(c => c.CreatedAt).First();
        var names = await s.Trust.CertificateTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        var division = await s.Directory.FindDivisionAsync(newest.DivisionCode, ct);
        var licences = rows.Where(c => CertificateWallet.StatusText(c, now) == "valid").OrderByDescending(c => c.IssuedOn)
            .Select(c => new Licence(c.LicenceId, c.TypeCode, names.GetValueOrDefault(c.TypeCode, c.TypeCode), c.IssuerName, c.IssuedOn, c.ValidUntil)).ToList();
        return new Profile(holder.Value, newest.HolderName, newest.DivisionCode, division?.Name ?? newest.DivisionCode, licences);
    }

    /// <summary>
    /// Checks an enterprise-code payload offline (format, code signer certified by this CA, SM2) and that it names
    /// <paramref name="creditCode"/> when given: <c>valid</c>, <c>mismatch</c>, <c>tampered</c> or <c>malformed</c>.
    /// </summary>
    public static async Task<(string Outcome, string? CreditCode, string? Name)> CheckCodeAsync(string text, string? creditCode, CodeServices s,
        CancellationToken ct)
    {
        try
        {
            var (claims, body, signature) = CodePayload.Parse(CodePayload.Unwrap(text), CodePayload.EnterprisePrefix);
            if (CodePayload.Text(claims, "typ") != "enterprise") return ("malformed", null, null);
            var cc = CodePayload.Text(claims, "cc");
            var key = await s.Signer.FindKeyAsync(CodePayload.Text(claims, "k"), ct);
            if (key is null || !Sm2.Verify(key, body, signature, Sm2SignatureEncoding.Raw)) return ("tampered", cc, null);
            if (creditCode is not null && !string.Equals(cc, creditCode.Trim().ToUpperInvariant(), StringComparison.Ordinal)) return ("mismatch", cc, null);
            return ("valid", cc, CodePayload.Text(claims, "nm"));
        }
        catch (FormatException)
        {
            return ("malformed", null, null);
        }
    }
}
