using Qilu.Matters.Bundles;
using Qilu.Matters.Catalog;
using Qilu.Matters.Contracts;
using Qilu.Trust.Contracts;

namespace Qilu.Matters.Seed;

/// <summary>
/// Reference matters and bundles for the demo province: 新生儿出生一件事, 企业开办一件事, 退休一件事 and 不动产转移登记 with
/// tax and utilities transfer. Names, legal bases, materials and time limits follow published guides; basic codes use
/// the province's locally-set code space (37 + type + main item) because the national catalog's codes were not at hand.
/// Certificate type codes are the Trust module's type register (<see cref="CertificateTypeCodes"/>: one source of truth
/// for the catalog, the Cases module's result certificates and the wallet); shared-data entry codes (GXSJ.*) are this
/// deployment's own.
/// </summary>
internal static class SeedCatalog
{
    public sealed record SeedMatter(string Code, MatterType Type, MatterContent Content);

    private const string Hours = "工作日 上午9:00-12:00，下午13:30-17:00（法定节假日除外）";

    private static MaterialDefinition Cert(string name, string code, MaterialForm form = MaterialForm.Electronic) => new(name, form, form == MaterialForm.Electronic ? 0 : 1, MaterialSourceKind.Certificate, code);

    private static MaterialDefinition Data(string name, string code) => new(name, MaterialForm.Electronic, 0, MaterialSourceKind.SharedData, code);

    private static MaterialDefinition Upload(string name, MaterialForm form = MaterialForm.Original, int copies = 1, bool required = true, string? note = null) =>
        new(name, form, copies, MaterialSourceKind.Upload, null, required, note);

    private static FormFieldDefinition F(string key, string label, FormFieldType type, string? element, bool required = true, IReadOnlyList<string>? options = null, string? visibleWhen = null) =>
        new(key, label, type, element, required, options, VisibleWhen: visibleWhen);

    private static readonly ProcedureStep[] Standard4 =
    [
        new("申请", "申请人通过爱山东或窗口提交申请"), new("受理", "窗口工作人员审核材料，符合条件的予以受理"),
        new("审查决定", "承办部门审查并作出决定"), new("办结送达", "办结后通过电子证照、邮寄或窗口领取送达"),
    ];

    private static MatterContent M(string name, string basis, string conditions, MaterialDefinition[] materials, int statutory, int promised,
        string kind, string workflow, int depth, int visits, FormFieldDefinition[] fields, string[] keywords, FeeDefinition? fee = null, string? rule = null) => new()
    {
        Name = name, LegalBasis = basis, AcceptanceConditions = conditions, Materials = materials, Procedure = Standard4,
        StatutoryLimitDays = statutory, PromisedLimitDays = promised, Fee = fee ?? new FeeDefinition(false),
        Location = "各级政务服务中心综合受理窗口", Hours = Hours, ConsultPhone = "0531-88562345", SupervisionPhone = "12345",
        OnlineDepth = depth, OnSiteVisits = visits, Form = new FormDefinition(fields),
        Routing = new RoutingDefinition(kind, rule ?? $"\"{kind}\""), WorkflowKey = workflow, Keywords = keywords,
    };

    private static readonly FormFieldDefinition Mother = F("mother_id", "母亲公民身份号码", FormFieldType.IdNumber, "母亲公民身份号码");
    private static readonly FormFieldDefinition MotherName = F("mother_name", "母亲姓名", FormFieldType.Text, "母亲姓名");
    private static readonly FormFieldDefinition Father = F("father_id", "父亲公民身份号码", FormFieldType.IdNumber, "父亲公民身份号码", false);
    private static readonly FormFieldDefinition BabyName = F("baby_name", "新生儿姓名", FormFieldType.Text, "新生儿姓名");
    private static readonly FormFieldDefinition BabyBirth = F("baby_birth", "出生日期", FormFieldType.Date, "出生日期");
    private static readonly FormFieldDefinition BabyGender = F("baby_gender", "性别", FormFieldType.Choice, "性别", true, ["男", "女"]);
    private static readonly FormFieldDefinition Phone = F("phone", "联系电话", FormFieldType.Phone, "联系电话");
    private static readonly FormFieldDefinition Applicant = F("applicant_id", "申请人公民身份号码", FormFieldType.IdNumber, "公民身份号码");
    private static readonly FormFieldDefinition ApplicantName = F("applicant_name", "申请人姓名", FormFieldType.Text, "姓名");
    private static readonly FormFieldDefinition CompanyName = F("company_name", "企业名称", FormFieldType.Text, "企业名称");
    private static readonly FormFieldDefinition CreditCode = F("credit_code", "统一社会信用代码", FormFieldType.CreditCode, "统一社会信用代码");
    private static readonly FormFieldDefinition LegalRep = F("legal_rep_id", "法定代表人公民身份号码", FormFieldType.IdNumber, "法定代表人公民身份号码");
    private static readonly FormFieldDefinition Property = F("property_cert", "不动产权证书号", FormFieldType.Text, "不动产权证书号");
    private static readonly FormFieldDefinition Buyer = F("buyer_id", "受让人公民身份号码", FormFieldType.IdNumber, "受让人公民身份号码");

    public static IReadOnlyList<SeedMatter> Matters { get; } =
    [
        new("371100101000", MatterType.PublicService, M("出生医学证明首次签发",
            "《中华人民共和国母婴保健法》第二十三条；《中华人民共和国母婴保健法实施办法》第二十一条",
            "在本省助产机构内出生的新生儿，由其父母或监护人申请。",
            [Cert("父母居民身份证", CertificateTypeCodes.ResidentIdCard) with { Note = "母亲必须提供；父亲信息需登记时一并提供" },
             Upload("新生儿出生医学记录", MaterialForm.Original, 1, true, "助产机构内部调取，申请人无需提交") with { Source = MaterialSourceKind.Exempt, Copies = 0 }],
            5, 1, "health", "matter.birth-certificate", 3, 1,
            [MotherName, Mother, Father, BabyName, BabyGender, BabyBirth, F("birth_place", "出生地点（助产机构）", FormFieldType.Text, "出生地点"), Phone],
            ["出生证", "出生医学证明", "新生儿"])),
        new("370700102000", MatterType.AdministrativeConfirmation, M("户口登记（出生登记）",
            "《中华人民共和国户口登记条例》第七条：婴儿出生后一个月以内，由户主、亲属、抚养人或者邻居向婴儿常住地户口登记机关申报出生登记。",
            "新生儿父母一方为本省常住户口，在出生一个月内申报；随父或随母落户自愿。",
            [Cert("出生医学证明", CertificateTypeCodes.BirthCertificate), Cert("居民户口簿", CertificateTypeCodes.HouseholdRegister), Cert("父母结婚证", CertificateTypeCodes.MarriageCertificate) with { Required = false, Note = "父母已婚的提供" },
             Cert("父母居民身份证", CertificateTypeCodes.ResidentIdCard)],
            1, 0, "public_security", "matter.birth-registration", 3, 1,
            [BabyName, BabyGender, BabyBirth, MotherName, Mother, Father, F("settle_with", "随父或随母落户", FormFieldType.Choice, "落户随从", true, ["随父", "随母"]),
             F("household_address", "落户地址", FormFieldType.Address, "户籍地址"), Phone],
            ["上户口", "出生登记", "落户", "新生儿"])),
        new("371100103000", MatterType.PublicService, M("城乡居民基本医疗保险参保登记（新生儿）",
            "《中华人民共和国社会保险法》第二十五条；《山东省居民基本医疗保险实施办法》",
            "未参加职工基本医疗保险的本省户籍新生儿，出生后90日内参保缴费的自出生之日起享受待遇。",
            [Cert("出生医学证明", CertificateTypeCodes.BirthCertificate), Cert("居民户口簿", CertificateTypeCodes.HouseholdRegister), Data("参保人员基础信息", "GXSJ.YB.CBRY")],
            5, 0, "medical_insurance", "matter.newborn-medical-insurance", 4, 0,
            [BabyName, BabyGender, BabyBirth, F("baby_id", "新生儿公民身份号码", FormFieldType.IdNumber, "新生儿公民身份号码"), Mother, Phone],
            ["医保", "居民医保", "参保", "新生儿"])),
        new("371100104000", MatterType.PublicService, M("社会保障卡申领",
            "《中华人民共和国社会保险法》第五十八条；《社会保障卡管理办法》（人社部发〔2011〕47号）",
            "已参加社会保险或有参保需求的人员，未持有有效社会保障卡。",
            [Cert("居民身份证或出生医学证明", CertificateTypeCodes.BirthCertificate), Upload("近期免冠证件照片", MaterialForm.Electronic, 0, true, "无照片的新生儿可免交")],
            15, 7, "hrss", "matter.social-security-card", 3, 1,
            [BabyName, F("baby_id", "新生儿公民身份号码", FormFieldType.IdNumber, "新生儿公民身份号码"), F("mail", "是否邮寄", FormFieldType.Boolean, null, false),
             F("mail_address", "邮寄地址", FormFieldType.Address, "邮寄地址", true, visibleWhen: "{\"==\":[{\"var\":\"mail\"},true]}"), Phone],
            ["社保卡", "新生儿", "制卡"])),
        new("370100201000", MatterType.AdministrativeLicence, M("公司设立登记",
            "《中华人民共和国公司法》第二十九条；《中华人民共和国市场主体登记管理条例》第十九条",
            "申请人具备公司法规定的设立条件，名称经自主申报，住所真实有效。",
            [Upload("公司登记（备案）申请书"), Upload("公司章程"), Cert("法定代表人居民身份证", CertificateTypeCodes.ResidentIdCard),
             Upload("住所使用相关文件", MaterialForm.Copy, 1), Upload("股东主体资格文件", MaterialForm.Copy, 1)],
            15, 1, "market", "matter.company-registration", 4, 0,
            [CompanyName, F("registered_capital", "注册资本（万元）", FormFieldType.Number, "注册资本"), LegalRep,
             F("legal_rep_name", "法定代表人姓名", FormFieldType.Text, "法定代表人姓名"), F("address", "住所", FormFieldType.Address, "企业住所"), Phone],
            ["开办企业", "营业执照", "公司注册", "设立登记"])),
        new("371000202000", MatterType.OtherAdministrativePower, M("公章刻制备案",
            "《印铸刻字业暂行管理规则》；《国务院关于第三批取消中央指定地方实施行政许可事项的决定》（国发〔2017〕7号）",
            "已领取营业执照的企业，自主选择刻章企业刻制印章。",
            [Cert("营业执照", CertificateTypeCodes.BusinessLicence), Cert("法定代表人居民身份证", CertificateTypeCodes.ResidentIdCard)],
            1, 0, "public_security", "matter.seal-filing", 4, 0,
            [CompanyName, CreditCode, LegalRep, F("seals", "刻制印章种类", FormFieldType.Text, null), Phone],
            ["刻章", "印章", "公章"])),
        new("371000203000", MatterType.OtherAdministrativePower, M("发票领用",
            "《中华人民共和国发票管理办法》第十五条",
            "已办理涉税信息确认的纳税人，领用发票。",
            [Cert("营业执照", CertificateTypeCodes.BusinessLicence), Data("纳税人涉税信息", "GXSJ.SW.NSRXX"), Upload("经办人身份证件", MaterialForm.Copy, 1)],
            5, 0, "tax", "matter.invoice", 4, 0,
            [CompanyName, CreditCode, F("invoice_kind", "发票种类", FormFieldType.Choice, "发票种类", true, ["增值税普通发票", "增值税专用发票", "全电发票"]), Phone],
            ["发票", "领票", "税务"])),
        new("371100204000", MatterType.PublicService, M("单位参保登记",
            "《中华人民共和国社会保险法》第五十七条",
            "用人单位自成立之日起30日内申请办理社会保险登记。",
            [Cert("营业执照", CertificateTypeCodes.BusinessLicence), Data("市场主体登记信息", "GXSJ.SC.ZTXX")],
            5, 0, "hrss", "matter.employer-insurance", 4, 0,
            [CompanyName, CreditCode, LegalRep, F("bank_account", "缴费银行账户", FormFieldType.Text, "银行账号"), Phone],
            ["社保开户", "参保登记", "企业社保"])),
        new("371100205000", MatterType.PublicService, M("单位住房公积金缴存登记",
            "《住房公积金管理条例》第十四条、第十五条",
            "单位自设立之日起30日内到住房公积金管理中心办理住房公积金缴存登记。",
            [Cert("营业执照", CertificateTypeCodes.BusinessLicence), Upload("单位住房公积金缴存登记表", MaterialForm.Electronic, 0)],
            5, 0, "housing", "matter.housing-fund-registration", 4, 0,
            [CompanyName, CreditCode, F("contact_name", "经办人姓名", FormFieldType.Text, "姓名"), Phone],
            ["公积金开户", "公积金", "缴存登记"])),
        new("370500301000", MatterType.AdministrativePayment, M("职工基本养老保险待遇申领（退休）",
            "《中华人民共和国社会保险法》第十六条；《国务院关于完善企业职工基本养老保险制度的决定》（国发〔2005〕38号）",
            "达到法定退休年龄且累计缴费满15年的参保职工。",
            [Cert("居民身份证", CertificateTypeCodes.ResidentIdCard), Data("职工养老保险缴费记录", "GXSJ.RS.YLJF"), Upload("职工档案", MaterialForm.Original, 1, true, "由所在单位或档案保管机构报送")],
            20, 10, "hrss", "matter.pension", 3, 1,
            [ApplicantName, Applicant, F("retire_date", "退休日期", FormFieldType.Date, "退休日期"), F("bank_account", "养老金发放银行账户", FormFieldType.Text, "银行账号"), Phone],
            ["退休", "养老金", "退休一件事"])),
        new("371100302000", MatterType.PublicService, M("职工医保退休人员待遇核定",
            "《中华人民共和国社会保险法》第二十七条",
            "办理退休手续的职工医保参保人员，核定医保缴费年限以享受退休人员医保待遇。",
            [Cert("居民身份证", CertificateTypeCodes.ResidentIdCard), Data("职工医保缴费记录", "GXSJ.YB.JFJL")],
            20, 5, "medical_insurance", "matter.retiree-medical", 4, 0,
            [ApplicantName, Applicant, F("retire_date", "退休日期", FormFieldType.Date, "退休日期"), Phone],
            ["退休", "医保", "退休一件事"])),
        new("371100303000", MatterType.PublicService, M("住房公积金退休提取",
            "《住房公积金管理条例》第二十四条",
            "职工离休、退休的，可以提取职工住房公积金账户内的存储余额，同时注销账户。",
            [Cert("居民身份证", CertificateTypeCodes.ResidentIdCard), Data("退休审批信息", "GXSJ.RS.TXSP")],
            5, 1, "housing", "matter.housing-fund-retire", 4, 0,
            [ApplicantName, Applicant, F("bank_account", "收款银行账户", FormFieldType.Text, "银行账号"), Phone],
            ["退休", "公积金提取", "退休一件事"])),
        new("370700401000", MatterType.AdministrativeConfirmation, M("不动产转移登记（二手房买卖）",
            "《中华人民共和国民法典》第二百零九条；《不动产登记暂行条例》第十四条、第二十条；《不动产登记暂行条例实施细则》第二十七条",
            "买卖双方签订买卖合同，完成税费缴纳，不动产权属清楚无查封、抵押限制或已办理解押。",
            [Cert("不动产权证书", CertificateTypeCodes.RealPropertyCertificate), Cert("买卖双方居民身份证", CertificateTypeCodes.ResidentIdCard), Upload("不动产买卖合同", MaterialForm.Original, 1),
             Data("完税信息", "GXSJ.SW.WSXX"), Cert("结婚证", CertificateTypeCodes.MarriageCertificate) with { Required = false, Note = "夫妻共有的提供" }],
            30, 5, "natural_resources", "matter.property-transfer", 3, 1,
            [Property, F("seller_id", "转让人公民身份号码", FormFieldType.IdNumber, "转让人公民身份号码"), Buyer,
             F("buyer_name", "受让人姓名", FormFieldType.Text, "受让人姓名"), F("location", "不动产坐落", FormFieldType.Address, "不动产坐落"),
             F("area", "建筑面积（平方米）", FormFieldType.Number, "建筑面积"), F("price", "成交价格（元）", FormFieldType.Number, "成交价格"), Phone],
            ["过户", "二手房", "不动产", "房产证"], new FeeDefinition(true, "住宅每件80元；非住宅每件550元", "《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）"))),
        new("370400402000", MatterType.AdministrativeLevy, M("存量房交易税费申报（契税、个人所得税、增值税）",
            "《中华人民共和国契税法》第三条、第九条；《中华人民共和国个人所得税法》第二条",
            "二手房买卖双方在办理转移登记前申报缴纳相关税费。",
            [Upload("不动产买卖合同", MaterialForm.Original, 1), Cert("买卖双方居民身份证", CertificateTypeCodes.ResidentIdCard), Cert("不动产权证书", CertificateTypeCodes.RealPropertyCertificate)],
            0, 0, "tax", "matter.property-tax", 4, 0,
            [Property, Buyer, F("price", "成交价格（元）", FormFieldType.Number, "成交价格"),
             F("first_home", "是否家庭唯一住房", FormFieldType.Boolean, "家庭唯一住房", false), Phone],
            ["契税", "二手房", "房产税费"])),
        new("371100403000", MatterType.PublicService, M("水电气联动过户",
            "《山东省优化营商环境条例》第三十二条；供水、供电、供气企业服务规范",
            "不动产转移登记完成后，由受让人申请供水、供电、供燃气户名同步变更。",
            [Cert("不动产权证书", CertificateTypeCodes.RealPropertyCertificate), Cert("受让人居民身份证", CertificateTypeCodes.ResidentIdCard)],
            5, 1, "housing", "matter.utilities-transfer", 4, 0,
            [Property, Buyer, F("water_no", "供水户号", FormFieldType.Text, null, false), F("power_no", "供电户号", FormFieldType.Text, null, false),
             F("gas_no", "燃气户号", FormFieldType.Text, null, false), Phone],
            ["水电气过户", "过户", "联动过户"])),
    ];

    public static IReadOnlyList<(string Code, BundleContent Content)> Bundles { get; } =
    [
        ("newborn", new BundleContent
        {
            Name = "新生儿出生一件事", Description = "一套材料、一次提交：出生医学证明、出生登记落户、居民医保参保和社会保障卡申领并联办理。",
            CoordinatorUnitKind = "health", WorkflowKey = "bundle.newborn",
            Members = [new("371100101000"), new("370700102000"), new("371100103000"), new("371100104000")],
            // 主动服务: a 出生医学证明 issued into a parent's wallet offers the bundle to that parent, prefilled from it.
            Offer = new ProactiveOfferDefinition(ProactiveOfferDefinition.CertificateIssued, "parents", 30, CertificateTypeCodes.BirthCertificate,
                new Dictionary<string, string>
                {
                    ["新生儿姓名"] = ProactiveOfferDefinition.HolderName, ["性别"] = "gender", ["出生日期"] = "bornAt", ["出生地点"] = "birthPlace",
                    ["母亲姓名"] = "motherName", ["母亲公民身份号码"] = ProactiveOfferDefinition.HolderIdentifier,
                }),
            Keywords = ["新生儿", "出生", "一件事"],
        }),
        ("business-startup", new BundleContent
        {
            Name = "企业开办一件事", Description = "营业执照、公章刻制、发票领用、社保登记和公积金缴存登记一网通办，一日办结。",
            CoordinatorUnitKind = "market", WorkflowKey = "bundle.business-startup",
            Members = [new("370100201000"), new("371000202000"), new("371000203000"), new("371100204000"), new("371100205000")],
            Keywords = ["企业开办", "开公司", "一件事"],
        }),
        ("retirement", new BundleContent
        {
            Name = "退休一件事", Description = "养老保险待遇申领、职工医保退休待遇核定和住房公积金退休提取一次申请。",
            CoordinatorUnitKind = "hrss", WorkflowKey = "bundle.retirement",
            Members = [new("370500301000"), new("371100302000"), new("371100303000")],
            Offer = new ProactiveOfferDefinition("hrss.retirement_age.reached", "subject", 60),
            Keywords = ["退休", "一件事"],
        }),
        ("property-transfer", new BundleContent
        {
            Name = "不动产转移登记一件事（含税费和水电气过户）", Description = "交易税费申报、转移登记和水电气联动过户一窗受理、并联办理。",
            CoordinatorUnitKind = "natural_resources", WorkflowKey = "bundle.property-transfer",
            Members = [new("370400402000"), new("370700401000"), new("371100403000")],
            Keywords = ["过户", "二手房", "一件事"],
        }),
    ];
}
