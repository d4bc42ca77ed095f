using System.Text.Json.Nodes;
using Qilu.Cases.Catalog;
using Qilu.Identity.Contracts;

namespace Qilu.Cases.Applications;

/// <summary>
/// Once-only prefill (免填): values the applicant's own account already holds, by the data element a field is bound
/// to, each with where it came from. Measured: a field counts as prefilled when the submitted value equals the
/// prefilled one.
/// </summary>
internal static class Prefill
{
    public const string FromAccount = "account";
    public const string FromApplicant = "applicant";
    public const string FromOffer = "offer";
    public const string FromCertificate = "certificate";
    public const string Computed = "computed";

    public static string SourceZh(string source) => source switch
    {
        FromAccount => "由实名账户信息预填",
        FromOffer => "由主动服务（登记事件）预填",
        FromCertificate => "由本人电子证照预填",
        Computed => "系统计算",
        _ => "申请人填写",
    };

    /// <summary>The value the account gives for a field, or null.</summary>
    public static string? FromProfile(CaseField f, PersonProfile? p, string? enterpriseCode)
    {
        if (p is null) return null;
        return f.DataElement switch
        {
            "姓名" or "申请人姓名" => p.Name,
            "公民身份号码" or "申请人公民身份号码" => p.IdNumber,
            "联系电话" or "手机号码" => p.Phone,
            "行政区划" or "户籍地行政区划" => p.DivisionCode,
            "统一社会信用代码" when enterpriseCode is not null => enterpriseCode,
            null when f.Type == CaseFieldType.Phone => p.Phone,
            _ => null,
        };
    }

    /// <summary>Prefilled values with their sources, for the form page and the prefill API.</summary>
    /// <remarks>Precedence: the account, then a confirmed offer, then the applicant's own valid certificates.</remarks>
    public static (JsonObject Values, Dictionary<string, string> Sources) For(IReadOnlyList<CaseField> fields, PersonProfile? profile,
        string? enterpriseCode, JsonObject? offered = null, ApplicantWallet? wallet = null)
    {
        var values = new JsonObject();
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in fields)
        {
            if (f.Computed is not null) { sources[f.Key] = Computed; continue; }
            if (FromProfile(f, profile, enterpriseCode) is { } v) { values[f.Key] = v; sources[f.Key] = FromAccount; continue; }
            if (offered?[f.Key] is JsonValue o) { values[f.Key] = o.DeepClone(); sources[f.Key] = FromOffer; continue; }
            if (wallet?.ValueFor(f) is { } held) { values[f.Key] = held.Value; sources[f.Key] = FromCertificate; }
        }
        return (values, sources);
    }

    /// <summary>Where each submitted value came from: prefilled (and unchanged) or typed by the applicant.</summary>
    public static JsonObject Sources(IReadOnlyList<CaseField> fields, JsonObject submitted, JsonObject prefilled, Dictionary<string, string> prefillSources,
        ApplicantWallet? wallet = null)
    {
        var result = new JsonObject();
        foreach (var f in fields)
        {
            if (submitted[f.Key] is not { } value) continue;
            var source = f.Computed is not null ? Computed
                : prefilled[f.Key] is { } p && JsonNode.DeepEquals(p, value) ? prefillSources[f.Key] : FromApplicant;
            var entry = new JsonObject { ["element"] = f.DataElement, ["source"] = source, ["label"] = f.Label };
            // Which certificate gave the value, so the official sees 免填 evidence (证照标识), not just a claim.
            if (source == FromCertificate && wallet?.ValueFor(f) is { } held)
                entry["certificate"] = new JsonObject { ["licenceId"] = held.Certificate.LicenceId, ["typeName"] = held.Certificate.TypeName };
            result[f.Key] = entry;
        }
        return new JsonObject { ["fields"] = result };
    }
}
