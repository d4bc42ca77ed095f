using Qilu.Catalog.Contracts;
using static Qilu.Catalog.Contracts.CatalogCategory;
using static Qilu.Catalog.Contracts.ResourceFormat;

namespace Qilu.Catalog.BaseList;

/// <summary>
/// The provincial base list (省级政务数据目录基础清单) every deployment starts with: what each kind of department is
/// expected to catalog. Sensitive items carry conditional sharing with a legal basis, so that a claimed draft passes
/// the grading rules once its unit has reviewed it.
/// </summary>
internal static class ProvincialBaseList
{
    private const string Pipl = "《中华人民共和国个人信息保护法》第三十四条：国家机关为履行法定职责处理个人信息，不得超出履行法定职责所必需的范围和限度";
    private const string Sharing51 = "《政务信息资源共享管理暂行办法》（国发〔2016〕51号）第九条";
    private const string Person = "个人权益";
    private const string Org = "组织权益";
    private const string Minor = "轻微危害";
    private const string Moderate = "一般危害";

    private static BaseListItem Open(string code, string name, string kind, CatalogCategory category, string? theme, string text,
        ResourceFormat format, string cycle, string items, OpenType open = OpenType.Conditional) => new()
    {
        Code = code, Name = name, DepartmentKind = kind, Category = category, Theme = theme, Abstract = text, ShareType = ShareType.Unconditional,
        OpenType = open, Format = format, UpdateCycle = cycle, ItemsText = items, ImpactObject = Org, ImpactDegree = Minor,
    };

    private static BaseListItem Conditional(string code, string name, string kind, CatalogCategory category, string? theme, string text,
        ResourceFormat format, string cycle, string items, string condition, string basis, string impact = Person, string degree = Moderate) => new()
    {
        Code = code, Name = name, DepartmentKind = kind, Category = category, Theme = theme, Abstract = text, ShareType = ShareType.Conditional,
        ShareCondition = condition, LegalBasis = basis, OpenType = OpenType.NotOpen, Format = format, UpdateCycle = cycle, ItemsText = items,
        ImpactObject = impact, ImpactDegree = degree,
    };

    public static BaseListItem[] All() =>
    [
        Conditional("SD-BL-001", "居民户籍信息", "public_security", Basic, "人口", "常住人口户籍登记的基本信息，用于身份核验和政务服务事项办理。", Database, "每日",
            "DE0001|公民身份号码\nDE0002|姓名\nDE0003|性别\nDE0004|出生日期\nDE0005|民族\nDE0010|户籍地址", "限于履行法定职责所必需，按需申请字段", Pipl),
        Conditional("SD-BL-002", "居民身份证核验", "public_security", Basic, "人口", "公民身份号码与姓名一致性核验，不返回原始数据。", Api, "实时",
            "DE0001|公民身份号码\nDE0002|姓名", "仅提供核验结果", Pipl),
        Conditional("SD-BL-003", "机动车驾驶证信息", "public_security", Department, null, "机动车驾驶证核发及状态信息。", Database, "每日",
            "DE0001|公民身份号码\nDE0002|姓名\nDE0019|驾驶证号\nDE0020|有效期截止日期", "用于交通、保险等政务服务", Pipl),
        Open("SD-BL-004", "市场主体登记信息", "market", Basic, "法人单位", "企业、个体工商户、农民专业合作社的登记注册基本信息。", Database, "每日",
            "DE0006|统一社会信用代码\nDE0007|企业名称\nDE0008|法定代表人\nDE0015|注册资本\nDE0016|成立日期\nDE0021|经营范围", OpenType.Unconditional),
        Open("SD-BL-005", "食品经营许可证信息", "market", Theme, "食品药品安全", "食品经营许可证的核发、变更、注销信息。", Database, "每日",
            "DE0006|统一社会信用代码\nDE0007|经营者名称\nDE0019|许可证编号\nDE0020|有效期截止日期"),
        Open("SD-BL-006", "市场主体行政处罚信息", "market", Theme, "信用体系", "市场监管领域行政处罚决定公示信息。", Database, "每周",
            "DE0006|统一社会信用代码\nDE0007|当事人名称\nDE0019|处罚决定书文号", OpenType.Conditional),
        Open("SD-BL-007", "企业经营异常名录", "market", Theme, "信用体系", "列入和移出经营异常名录的企业信息。", Database, "每日",
            "DE0006|统一社会信用代码\nDE0007|企业名称", OpenType.Unconditional),
        Conditional("SD-BL-008", "社会保险参保信息", "hrss", Theme, "社会保障", "职工、城乡居民养老保险参保及缴费状态。", Database, "每月",
            "DE0001|公民身份号码\nDE0002|姓名\nDE0017|社会保障卡号", "用于社会救助、待遇资格认证等", "《中华人民共和国社会保险法》第八十一条"),
        Conditional("SD-BL-009", "失业登记信息", "hrss", Theme, "社会保障", "城镇登记失业人员信息。", Database, "每月",
            "DE0001|公民身份号码\nDE0002|姓名\nDE0011|联系电话", "用于就业援助与救助", "《就业服务与就业管理规定》第六十二条"),
        Open("SD-BL-010", "职业技能等级证书信息", "hrss", Basic, "电子证照", "职业技能等级证书的核发信息。", Database, "每月",
            "DE0019|证书编号\nDE0020|有效期截止日期", OpenType.NotOpen),
        Conditional("SD-BL-011", "出生医学证明信息", "health", Basic, "电子证照", "新生儿出生医学证明签发信息。", Database, "每日",
            "DE0002|新生儿姓名\nDE0003|性别\nDE0004|出生日期\nDE0019|出生医学证明编号", "用于新生儿出生一件事", "《中华人民共和国母婴保健法》第二十三条"),
        Open("SD-BL-012", "医疗机构执业登记信息", "health", Department, null, "医疗机构执业许可登记信息。", Database, "每月",
            "DE0006|统一社会信用代码\nDE0007|机构名称\nDE0019|执业许可证登记号"),
        Conditional("SD-BL-013", "医保参保登记信息", "medical_insurance", Theme, "健康保障", "基本医疗保险参保登记及状态。", Database, "每日",
            "DE0001|公民身份号码\nDE0002|姓名\nDE0023|参保状态", "用于医疗救助、待遇认定", "《医疗保障基金使用监督管理条例》第二十条"),
        Open("SD-BL-014", "定点医药机构信息", "medical_insurance", Theme, "健康保障", "医保定点医疗机构、零售药店名单。", Spreadsheet, "每月",
            "DE0006|统一社会信用代码\nDE0007|机构名称\nDE0009|所在行政区划"),
        Conditional("SD-BL-015", "婚姻登记信息", "civil_affairs", Basic, "人口", "结婚、离婚登记信息。", Database, "每日",
            "DE0001|公民身份号码\nDE0002|姓名\nDE0018|婚姻状况", "用于户籍、不动产登记等", "《婚姻登记条例》第二条"),
        Conditional("SD-BL-016", "最低生活保障对象信息", "civil_affairs", Theme, "社会保障", "城乡低保对象认定信息。", Database, "每月",
            "DE0001|公民身份号码\nDE0002|姓名\nDE0010|家庭住址", "用于社会救助资格核对", "《社会救助暂行办法》第六十条"),
        Open("SD-BL-017", "社会组织登记信息", "civil_affairs", Basic, "法人单位", "社会团体、民办非企业单位、基金会登记信息。", Database, "每周",
            "DE0006|统一社会信用代码\nDE0007|社会组织名称\nDE0008|法定代表人\nDE0016|成立登记日期\nDE0021|业务范围\nDE0009|住所所在行政区划",
            OpenType.Unconditional),
        Open("SD-BL-018", "行政区划信息", "civil_affairs", Basic, "自然资源和空间地理", "县级以上行政区划名称和代码。", Spreadsheet, "每年",
            "DE0009|行政区划代码\nDE0014|邮政编码", OpenType.Unconditional),
        Conditional("SD-BL-019", "纳税人登记信息", "tax", Department, null, "纳税人税务登记信息。", Database, "每日",
            "DE0006|统一社会信用代码\nDE0007|纳税人名称\nDE0022|纳税信用等级", "涉及纳税人秘密的字段按需申请", "《中华人民共和国税收征收管理法》第八条", Org),
        Open("SD-BL-020", "纳税信用A级纳税人名单", "tax", Theme, "信用体系", "年度纳税信用A级纳税人名单。", Spreadsheet, "每年",
            "DE0006|统一社会信用代码\nDE0007|纳税人名称\nDE0022|纳税信用等级"),
        Conditional("SD-BL-021", "不动产登记信息", "natural_resources", Basic, "自然资源和空间地理", "不动产权利登记信息。", Database, "每日",
            "DE0012|不动产单元号\nDE0001|权利人证件号\nDE0002|权利人名称\nDE0024|建筑面积", "依法查询，限于办理事项所必需", "《不动产登记暂行条例》第二十七条"),
        Open("SD-BL-022", "国土空间规划成果目录", "natural_resources", Theme, "城乡建设", "已批复国土空间规划成果清单。", Document, "不定期",
            "DE0009|行政区划代码", OpenType.Unconditional),
        Open("SD-BL-023", "排污许可证信息", "ecology", Theme, "生态环保", "排污单位许可证核发信息。", Database, "每月",
            "DE0006|统一社会信用代码\nDE0007|单位名称\nDE0019|许可证编号\nDE0020|有效期截止日期"),
        Open("SD-BL-024", "环境影响评价审批信息", "ecology", Theme, "生态环保", "建设项目环评审批结果。", Database, "每周",
            "DE0006|建设单位信用代码\nDE0007|建设单位名称\nDE0019|批复文号"),
        Conditional("SD-BL-025", "住房公积金缴存信息", "housing", Theme, "社会保障", "职工住房公积金缴存状态。", Database, "每月",
            "DE0001|公民身份号码\nDE0002|姓名", "用于住房保障资格审核", "《住房公积金管理条例》第三十三条"),
        Open("SD-BL-026", "建筑业企业资质信息", "housing", Department, null, "建筑业企业资质证书信息。", Database, "每月",
            "DE0006|统一社会信用代码\nDE0007|企业名称\nDE0019|资质证书编号\nDE0020|有效期截止日期"),
        Conditional("SD-BL-027", "公共租赁住房保障对象信息", "housing", Theme, "社会保障", "公租房保障家庭信息。", Database, "每月",
            "DE0001|公民身份号码\nDE0002|姓名\nDE0011|联系电话", "用于保障资格复核", Sharing51),
        Open("SD-BL-028", "政务服务事项目录", "bigdata", Theme, "公共服务", "依申请政务服务事项清单。", Spreadsheet, "每月",
            "DE0009|行政区划代码\nDE0007|实施主体名称\nDE0006|实施主体信用代码", OpenType.Unconditional),
        Open("SD-BL-029", "电子证照目录", "bigdata", Basic, "电子证照", "已入库电子证照类型目录。", Spreadsheet, "每月",
            "DE0019|证照类型代码\nDE0007|颁发机构名称", OpenType.NotOpen),
        Open("SD-BL-030", "公共数据开放目录", "bigdata", Theme, "公共服务", "面向社会开放的公共数据资源清单。", Api, "每周",
            "DE0006|提供单位信用代码\nDE0007|提供单位名称", OpenType.Unconditional),
    ];
}
