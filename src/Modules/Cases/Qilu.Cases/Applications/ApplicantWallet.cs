using System.Text.Json.Nodes;
using Qilu.Cases.Catalog;
using Qilu.Identity.Contracts;
using Qilu.SharedKernel.Actors;
using Qilu.Trust.Contracts;

namespace Qilu.Cases.Applications;

/// <summary>
/// The applicant's own electronic certificates (证照夹) for the certificate types an application names: what makes a
/// certificate material not needed (免证) and fills form fields from the certificate's items (免填). Read once per
/// form or submission; the holder is the signed-in applicant only (a citizen's 公民身份号码, an enterprise agent's
/// 统一社会信用代码), never an identifier from the request.
/// </summary>
internal sealed class ApplicantWallet
{
    public static readonly ApplicantWallet Empty = new(new Dictionary<string, HeldCertificateData>(StringComparer.Ordinal),
        new Dictionary<string, HeldCertificate>(StringComparer.Ordinal));

    // A form's data element and a certificate type's item label name the same fact in different words in a few places
    // (the matter catalog says 不动产权证书号 where the certificate says 不动产权证号); one table, not fuzzy matching.
    private static readonly Dictionary<string, string[]> ItemAliases = new(StringComparer.Ordinal)
    {
        ["不动产权证书号"] = ["不动产权证号"],
        ["不动产坐落"] = ["坐落"],
        ["企业住所"] = ["住所"],
        ["社会保障卡号"] = ["社会保障卡卡号"],
    };

    private ApplicantWallet(IReadOnlyDictionary<string, HeldCertificateData> valid, IReadOnlyDictionary<string, HeldCertificate> unusable)
    {
        Valid = valid;
        Unusable = unusable;
    }

    /// <summary>Type code → the applicant's newest valid certificate of that type, with its items.</summary>
    public IReadOnlyDictionary<string, HeldCertificateData> Valid { get; }

    /// <summary>Type code → the applicant's newest certificate of a type of which none is valid (expired, suspended, revoked).</summary>
    public IReadOnlyDictionary<string, HeldCertificate> Unusable { get; }

    /// <summary>The wallet for the certificate types among <paramref name="materials"/>.</summary>
    public static async Task<ApplicantWallet> ReadAsync(ICertificateWallet wallet, Actor actor, PersonProfile? profile,
        IReadOnlyList<CaseMaterial> materials, CancellationToken ct)
    {
        var holder = actor.Kind == ActorKind.EnterpriseAgent ? actor.EnterpriseCreditCode : profile?.IdNumber;
        var types = materials.Where(m => m.Source == CaseMaterialSource.Certificate && !string.IsNullOrEmpty(m.SourceCode))
            .Select(m => m.SourceCode!).Distinct(StringComparer.Ordinal).ToList();
        if (string.IsNullOrEmpty(holder) || types.Count == 0) return Empty;
        var valid = new Dictionary<string, HeldCertificateData>(StringComparer.Ordinal);
        var unusable = new Dictionary<string, HeldCertificate>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (await wallet.ReadValidAsync(holder, type, ct) is { } data) valid[type] = data;
            else if (await wallet.ListHeldAsync(holder, type, ct) is [var newest, ..]) unusable[type] = newest;
        }
        return new ApplicantWallet(valid, unusable);
    }

    /// <summary>The value a valid certificate gives for a field bound to a data element, with the certificate; null when none does.</summary>
    public (string Value, HeldCertificate Certificate)? ValueFor(CaseField field)
    {
        if (field.DataElement is not { Length: > 0 } element || Valid.Count == 0) return null;
        var labels = ItemAliases.TryGetValue(element, out var aliases) ? [element, .. aliases] : new[] { element };
        foreach (var data in Valid.Values)
            foreach (var label in labels)
                if (data.Items.TryGetValue(label, out var value)) return (value, data.Certificate);
        return null;
    }

    /// <summary>The certificate as a material entry records it (no holder identifier: it is the applicant's).</summary>
    public static JsonObject Describe(HeldCertificate c) => new()
    {
        ["licenceId"] = c.LicenceId, ["typeCode"] = c.TypeCode, ["typeName"] = c.TypeName, ["issuer"] = c.IssuerName,
        ["issuedOn"] = c.IssuedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["validUntil"] = c.ValidUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["status"] = c.Status,
    };

    /// <summary>A certificate status in Chinese, for messages.</summary>
    public static string StatusZh(string status) => status switch
    {
        "expired" => "已过有效期",
        "suspended" => "已中止",
        "revoked" => "已撤销",
        "superseded" => "已被新版本替代",
        _ => "有效",
    };
}
