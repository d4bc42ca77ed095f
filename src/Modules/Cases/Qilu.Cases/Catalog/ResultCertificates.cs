namespace Qilu.Cases.Catalog;

/// <summary>The certificate a concluded case issues and who holds it.</summary>
/// <param name="TypeCode">电子证照类型代码.</param>
/// <param name="Name">Certificate name.</param>
/// <param name="HolderNameElement">Data element (or field key) naming the holder; null: the applicant.</param>
/// <param name="HolderIdElement">Data element (or field key) with the holder's identifier; null: the applicant's.</param>
internal sealed record ResultCertificate(string TypeCode, string Name, string? HolderNameElement = null, string? HolderIdElement = null);

/// <summary>
/// Which matters issue a certificate as their result (结果证照). The catalog's matter record has no such element yet,
/// so the demo matters' results are listed here by basic code; any 行政许可 matter not listed issues a licence of type
/// <c>DZZZ.{basicCode}</c> held by the applicant.
/// </summary>
internal static class ResultCertificates
{
    private static readonly Dictionary<string, ResultCertificate> Known = new(StringComparer.Ordinal)
    {
        ["371100101000"] = new("DZZZ.CSYXZM", "出生医学证明", "新生儿姓名", "母亲公民身份号码"),
        ["370700102000"] = new("DZZZ.JMHKB", "居民户口簿"),
        ["371100104000"] = new("DZZZ.SBK", "社会保障卡", "新生儿姓名", "新生儿公民身份号码"),
        ["370100201000"] = new("DZZZ.YYZZ", "营业执照", "企业名称", "统一社会信用代码"),
        ["370700401000"] = new("DZZZ.BDCQZ", "不动产权证书", null, "受让人公民身份号码"),
    };

    public static ResultCertificate? For(CaseMatter matter) => For(matter.BasicCode, matter.IsLicence, matter.Name);

    public static ResultCertificate? For(string basicCode, bool isLicence, string name) =>
        Known.TryGetValue(basicCode, out var known) ? known
        : isLicence ? new ResultCertificate($"DZZZ.{basicCode}", name) : null;
}
