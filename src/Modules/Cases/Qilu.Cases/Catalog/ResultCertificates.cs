using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Qilu.SharedKernel.Identifiers;
using Qilu.Trust.Contracts;

namespace Qilu.Cases.Catalog;

/// <summary>The certificate a concluded case issues and who holds it.</summary>
/// <param name="TypeCode">证照类型代码 from the Trust module's type register (<see cref="CertificateTypeCodes"/>).</param>
/// <param name="Name">Certificate name.</param>
/// <param name="HolderNameElement">Data element (or field key) naming the holder; null: the applicant.</param>
/// <param name="HolderIdElement">Data element (or field key) with the holder's identifier, or <see cref="ResultCertificates.NewCreditCode"/>; null: the applicant's own.</param>
/// <param name="Fields">
/// The type's 照面 fields and where each comes from: a data element of the form, <c>=literal</c>, <c>#serial:PREFIX</c> (a
/// number the issuing department assigns, derived from the case so a redelivery gives the same) or <c>#decidedOn</c>.
/// </param>
internal sealed record ResultCertificate(string TypeCode, string Name, string? HolderNameElement = null, string? HolderIdElement = null,
    IReadOnlyDictionary<string, string>? Fields = null);

/// <summary>
/// Which matters issue a certificate as their result (结果证照), by basic code, with the Trust type they issue and how the
/// type's 照面 fields are filled from the case. The catalog's matter record has no 结果证照 element yet; a matter not listed
/// here issues nothing (a licence whose type the Trust register does not know could not be signed anyway).
/// </summary>
internal static class ResultCertificates
{
    /// <summary>Holder identifier source: a new 统一社会信用代码 assigned at registration (企业设立).</summary>
    public const string NewCreditCode = "#creditCode";

    private static readonly Dictionary<string, ResultCertificate> Known = new(StringComparer.Ordinal)
    {
        ["371100101000"] = new(CertificateTypeCodes.BirthCertificate, "出生医学证明", "新生儿姓名", "母亲公民身份号码", new Dictionary<string, string>
        {
            ["gender"] = "性别", ["bornAt"] = "出生日期", ["birthPlace"] = "出生地点", ["motherName"] = "母亲姓名", ["certificateNumber"] = "#serial:Q",
        }),
        ["370700102000"] = new(CertificateTypeCodes.HouseholdRegister, "居民户口簿", null, null, new Dictionary<string, string>
        {
            ["householdNumber"] = "#serial:", ["householdType"] = "=家庭户", ["relationToHead"] = "=户主", ["address"] = "户籍地址",
        }),
        ["371100104000"] = new(CertificateTypeCodes.SocialSecurityCard, "社会保障卡", "新生儿姓名", "新生儿公民身份号码", new Dictionary<string, string>
        {
            ["cardNumber"] = "#serial:S",
        }),
        ["370100201000"] = new(CertificateTypeCodes.BusinessLicence, "营业执照", "企业名称", NewCreditCode, new Dictionary<string, string>
        {
            ["entityType"] = "=有限责任公司", ["legalRepresentative"] = "法定代表人姓名", ["registeredCapital"] = "注册资本",
            ["establishedOn"] = "#decidedOn", ["address"] = "企业住所", ["businessScope"] = "=依法须经批准的项目，经相关部门批准后方可开展经营活动",
        }),
        ["370700401000"] = new(CertificateTypeCodes.RealPropertyCertificate, "不动产权证书", "受让人姓名", "受让人公民身份号码", new Dictionary<string, string>
        {
            ["certificateNumber"] = "#serial:鲁不动产权第", ["unitNumber"] = "#serial:370000", ["location"] = "不动产坐落",
            ["rightType"] = "=国有建设用地使用权/房屋所有权", ["use"] = "=住宅", ["area"] = "建筑面积",
        }),
    };

    public static ResultCertificate? For(CaseMatter matter) => For(matter.BasicCode);

    public static ResultCertificate? For(string basicCode) => Known.GetValueOrDefault(basicCode);

    /// <summary>The 照面 fields of the certificate from the case (fields whose source has no value are left out: Trust names the missing required ones).</summary>
    public static Dictionary<string, string> FieldsOf(ResultCertificate result, Func<string, string?> byElement, Guid caseId, DateTimeOffset decidedAt)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, source) in result.Fields ?? new Dictionary<string, string>())
        {
            var value = source switch
            {
                ['=', .. var literal] => literal,
                "#decidedOn" => decidedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ when source.StartsWith("#serial:", StringComparison.Ordinal) => source["#serial:".Length..] + Serial(caseId, name),
                _ => byElement(source),
            };
            if (!string.IsNullOrWhiteSpace(value)) fields[name] = value;
        }
        return fields;
    }

    /// <summary>A 9-digit number fixed by the case and the field, so a repeated request carries the same.</summary>
    public static string Serial(Guid caseId, string salt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{caseId:N}:{salt}"));
        return (BitConverter.ToUInt64(hash, 0) % 1_000_000_000UL).ToString("D9", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The 统一社会信用代码 a company registered by this case receives: 9 (工商) 1 (企业) + the registering unit's division
    /// + an organisation code fixed by the case, with both check characters (GB 32100, GB 11714).
    /// </summary>
    public static string CreditCodeFor(Guid caseId, string division)
    {
        var body = Serial(caseId, "creditCode")[1..];
        var org = body + CreditCode.ComputeOrganizationCheckCharacter(body);
        var first17 = "91" + division.PadRight(6, '0')[..6] + org;
        return first17 + CreditCode.ComputeCheckCharacter(first17);
    }
}
