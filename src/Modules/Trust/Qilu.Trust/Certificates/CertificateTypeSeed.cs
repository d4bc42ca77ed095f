using System.Text.Json;
using Qilu.SharedKernel.Identifiers;

namespace Qilu.Trust.Certificates;

/// <summary>
/// The certificate types every deployment starts with. Names, defining bodies and 照面 fields are the real ones; the
/// defining bodies' credit codes in the type codes are placeholders built with valid check characters (national
/// bureau codes were not verified here) — replace them with the national catalogue's type codes before going live.
/// </summary>
internal static class CertificateTypeSeed
{
    public static IEnumerable<CertificateType> All()
    {
        yield return Type("MB000001", "001", "营业执照", "Business licence", "国家市场监督管理总局", "organisation", "market", null,
            F("entityType", "类型", true), F("legalRepresentative", "法定代表人", true), F("registeredCapital", "注册资本", true),
            F("establishedOn", "成立日期", true, 10, @"^\d{4}-\d{2}-\d{2}$"), F("address", "住所", true), F("businessScope", "经营范围", true, 2000));
        yield return Type("MB000002", "001", "出生医学证明", "Medical birth certificate", "国家卫生健康委员会", "person", "health", null,
            F("gender", "性别", true, 2), F("bornAt", "出生时间", true, 20), F("birthPlace", "出生地点", true),
            F("motherName", "母亲姓名", true, 50), F("fatherName", "父亲姓名", false, 50), F("certificateNumber", "出生医学证明编号", true, 20));
        yield return Type("MB000003", "001", "居民户口簿", "Household register", "中华人民共和国公安部", "person", "public_security", null,
            F("householdNumber", "户号", true, 20), F("householdType", "户别", true, 20), F("relationToHead", "与户主关系", true, 20), F("address", "住址", true));
        yield return Type("MB000004", "001", "结婚证", "Marriage certificate", "中华人民共和国民政部", "person", "civil_affairs", null,
            F("spouseName", "配偶姓名", true, 50), F("registeredOn", "登记日期", true, 10, @"^\d{4}-\d{2}-\d{2}$"), F("certificateNumber", "结婚证字号", true, 30));
        yield return Type("MB000005", "001", "不动产权证书", "Real property certificate", "中华人民共和国自然资源部", "person", "natural_resources", null,
            F("certificateNumber", "不动产权证号", true, 60), F("unitNumber", "不动产单元号", true, 28), F("location", "坐落", true),
            F("rightType", "权利类型", true, 50), F("use", "用途", true, 50), F("area", "面积", true, 50));
        yield return Type("MB000006", "001", "社会保障卡", "Social security card", "中华人民共和国人力资源和社会保障部", "person", "hrss", 10,
            F("cardNumber", "社会保障卡卡号", true, 20), F("issuingBank", "发卡银行", false, 50));
        yield return Type("MB000001", "002", "食品经营许可证", "Food business licence", "国家市场监督管理总局", "organisation", "market", 5,
            F("licenceNumber", "许可证编号", true, 20), F("operatorType", "主体业态", true, 50), F("businessItems", "经营项目", true, 500), F("address", "经营场所", true));
        yield return Type("MB000003", "002", "机动车驾驶证", "Driving licence", "中华人民共和国公安部", "person", "public_security", 6,
            F("licenceClass", "准驾车型", true, 10), F("firstIssuedOn", "初次领证日期", true, 10, @"^\d{4}-\d{2}-\d{2}$"), F("archiveNumber", "档案编号", true, 20));
        yield return Type("MB000003", "003", "居民身份证", "Resident identity card", "中华人民共和国公安部", "person", "public_security", 20,
            F("gender", "性别", true, 2), F("ethnicity", "民族", false, 20), F("birthDate", "出生", true, 10, @"^\d{4}-\d{2}-\d{2}$"),
            F("address", "住址", true), F("issuingAuthority", "签发机关", true, 50));
    }

    /// <summary>A national body's placeholder 统一社会信用代码: 1 (机构编制) 1 (机关) 100000 + org code with both check characters.</summary>
    public static string NationalBodyCode(string orgBody8)
    {
        var org = orgBody8 + CreditCode.ComputeOrganizationCheckCharacter(orgBody8);
        var first17 = "11100000" + org;
        return first17 + CreditCode.ComputeCheckCharacter(first17);
    }

    private static SchemaField F(string name, string label, bool required, int maxLength = 200, string? pattern = null) =>
        new(name, label, required, maxLength, pattern);

    private static CertificateType Type(string body, string number, string name, string nameEn, string definer, string holderKind,
        string issuerKind, int? years, params SchemaField[] fields) => new()
    {
        Code = NationalBodyCode(body) + number,
        Name = name,
        NameEn = nameEn,
        DefiningAuthority = definer,
        HolderKind = holderKind,
        IssuerKind = issuerKind,
        ValidityYears = years,
        SchemaJson = JsonSerializer.Serialize(fields, TrustJson.Options),
    };
}
