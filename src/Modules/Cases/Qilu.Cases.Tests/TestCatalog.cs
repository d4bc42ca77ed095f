using Qilu.Cases.Catalog;

namespace Qilu.Cases.Tests;

/// <summary>
/// A matter catalog for the suite, shaped like the Matters module's demo seed (新生儿出生一件事 and a licence matter),
/// so that the lifecycle is tested independently of how the catalog is stored. A matter offered only in 青岛 tests
/// the "not offered in your division" refusal.
/// </summary>
internal sealed class TestCatalog : ICaseCatalog
{
    private static CaseField F(string key, string label, CaseFieldType type, string? element, bool required = true, IReadOnlyList<string>? options = null,
        string? visibleWhen = null) => new(key, label, type, element, required, options, VisibleWhen: visibleWhen);

    private static readonly CaseField MotherName = F("mother_name", "母亲姓名", CaseFieldType.Text, "母亲姓名");
    private static readonly CaseField MotherId = F("mother_id", "母亲公民身份号码", CaseFieldType.IdNumber, "母亲公民身份号码");
    private static readonly CaseField BabyName = F("baby_name", "新生儿姓名", CaseFieldType.Text, "新生儿姓名");
    private static readonly CaseField BabyGender = F("baby_gender", "性别", CaseFieldType.Choice, "性别", true, ["男", "女"]);
    private static readonly CaseField BabyBirth = F("baby_birth", "出生日期", CaseFieldType.Date, "出生日期");
    private static readonly CaseField Phone = F("phone", "联系电话", CaseFieldType.Phone, "联系电话");

    public static readonly CaseMatter BirthCertificate = new("371100101000", null, "出生医学证明首次签发", "公共服务", false, "370000", "health", null, 1, 5,
        "matter.birth-certificate", [MotherName, MotherId, BabyName, BabyGender, BabyBirth, Phone],
        [new("cert:DZZZ.JMSFZ", "母亲居民身份证", CaseMaterialSource.Certificate, "DZZZ.JMSFZ", true, null),
         new("name:出生医学记录", "新生儿出生医学记录", CaseMaterialSource.Exempt, null, true, "助产机构内部调取")]);

    public static readonly CaseMatter BirthRegistration = new("370700102000", null, "户口登记（出生登记）", "行政确认", false, "370000", "public_security", null, 0, 1,
        "matter.birth-registration", [BabyName, BabyGender, BabyBirth, MotherName, MotherId, F("settle_with", "随父或随母落户", CaseFieldType.Choice, "落户随从", true, ["随父", "随母"]), Phone],
        [new("cert:DZZZ.CSYXZM", "出生医学证明", CaseMaterialSource.Certificate, "DZZZ.CSYXZM", true, null)]);

    public static readonly CaseMatter MedicalInsurance = new("371100103000", null, "城乡居民基本医疗保险参保登记（新生儿）", "公共服务", false, "370000", "medical_insurance", null, 0, 5,
        "matter.newborn-medical-insurance", [BabyName, BabyGender, BabyBirth, MotherId, Phone],
        [new("data:GXSJ.YB.CBRY", "参保人员基础信息", CaseMaterialSource.SharedData, "GXSJ.YB.CBRY", true, null)]);

    public static readonly CaseMatter SocialSecurityCard = new("371100104000", null, "社会保障卡申领", "公共服务", false, "370000", "hrss", null, 7, 15,
        "matter.social-security-card", [BabyName, F("mail", "是否邮寄", CaseFieldType.Boolean, null, false),
            F("mail_address", "邮寄地址", CaseFieldType.Address, "邮寄地址", true, visibleWhen: "{\"==\":[{\"var\":\"mail\"},true]}"), Phone],
        [new("name:近期免冠证件照片", "近期免冠证件照片", CaseMaterialSource.Upload, null, true, null)]);

    public static readonly CaseMatter CompanyRegistration = new("370100201000", null, "公司设立登记", "行政许可", true, "370000", "market", null, 1, 15,
        "matter.company-registration", [F("company_name", "企业名称", CaseFieldType.Text, "企业名称"), F("applicant_name", "申请人姓名", CaseFieldType.Text, "姓名"),
            F("applicant_id", "申请人公民身份号码", CaseFieldType.IdNumber, "公民身份号码"), Phone,
            F("capital", "注册资本（万元）", CaseFieldType.Number, "注册资本") with { Min = 1, Max = 100000 }],
        [new("name:公司章程", "公司章程", CaseMaterialSource.Upload, null, true, null)]);

    /// <summary>Offered in 青岛 only.</summary>
    public static readonly CaseMatter QingdaoOnly = CompanyRegistration with { BasicCode = "370200999000", Name = "青岛试点事项", DivisionCode = "370200", WorkflowKey = "matter.qingdao-pilot" };

    private static readonly CaseMatter[] Matters = [BirthCertificate, BirthRegistration, MedicalInsurance, SocialSecurityCard, CompanyRegistration, QingdaoOnly];

    public static readonly CaseBundle Newborn = MakeNewborn();

    private static CaseBundle MakeNewborn()
    {
        var members = new[] { BirthCertificate, BirthRegistration, MedicalInsurance, SocialSecurityCard };
        var fields = new List<CaseField>();
        var materials = new List<CaseMaterial>();
        var bundleMembers = new List<CaseBundleMember>();
        foreach (var m in members)
        {
            var keys = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var f in m.Fields)
            {
                var merged = f.DataElement ?? $"{m.BasicCode}_{f.Key}";
                keys[f.Key] = merged;
                if (fields.All(x => x.Key != merged))
                    fields.Add(f with { Key = merged, VisibleWhen = f.VisibleWhen?.Replace("\"mail\"", $"\"{m.BasicCode}_mail\"", StringComparison.Ordinal) });
            }
            var mats = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var mat in m.Materials)
            {
                mats[mat.Key] = mat.Key;
                if (materials.All(x => x.Key != mat.Key)) materials.Add(mat);
            }
            bundleMembers.Add(new CaseBundleMember(m, null, keys, mats));
        }
        return new CaseBundle("newborn", "新生儿出生一件事", "health", "370000", bundleMembers, fields, materials,
            new CaseOfferConfig("trust.certificate.issued", "parents", 30, Qilu.Trust.Contracts.CertificateTypeCodes.BirthCertificate), 7);
    }

    public Task<CaseMatter?> FindMatterAsync(string basicCode, string divisionCode, CancellationToken ct = default) =>
        Task.FromResult(Matters.FirstOrDefault(m => m.BasicCode == basicCode && Offered(m.DivisionCode, divisionCode)) is { } m ? m with { DivisionCode = divisionCode } : null);

    public Task<CaseBundle?> FindBundleAsync(string bundleCode, string divisionCode, CancellationToken ct = default) =>
        Task.FromResult(bundleCode == Newborn.Code && Offered(Newborn.DivisionCode, divisionCode) ? Newborn : null);

    public Task<IReadOnlyList<string>> BundlesTriggeredByAsync(string eventName, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<string>>(eventName == Newborn.Offer!.TriggerEvent ? [Newborn.Code] : []);

    private static bool Offered(string configured, string division) =>
        division.StartsWith(Qilu.SharedKernel.Actors.DivisionScope.PrefixOf(configured), StringComparison.Ordinal);
}
