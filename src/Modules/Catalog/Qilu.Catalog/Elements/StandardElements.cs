using Qilu.Catalog.Contracts;

namespace Qilu.Catalog.Elements;

/// <summary>
/// The common data elements every deployment starts with (reference data, like the division tree), each with the
/// department kind that is its authoritative source (一数一源) at provincial level.
/// </summary>
internal static class StandardElements
{
    public sealed record Definition(string Identifier, string NameZh, string NameEn, string Text, string DataType, string Format,
        DataGrade Grade, string SourceKind, int? MaxLength = null, string? Pattern = null, string? CodeList = null, string? Unit = null);

    // GB/T 2261.1-2003 人的性别代码.
    private const string GenderCodes = "0=未知的性别\n1=男性\n2=女性\n9=未说明的性别";

    // GB/T 3304-1991 中国各民族名称的罗马字母拼写法和代码 (numeric codes 01–56; 97 其他, 98 外国血统中国籍人士).
    private const string EthnicCodes = "01=汉族\n02=蒙古族\n03=回族\n04=藏族\n05=维吾尔族\n06=苗族\n07=彝族\n08=壮族\n09=布依族\n10=朝鲜族\n" +
        "11=满族\n12=侗族\n13=瑶族\n14=白族\n15=土家族\n16=哈尼族\n17=哈萨克族\n18=傣族\n19=黎族\n20=傈僳族\n21=佤族\n22=畲族\n" +
        "23=高山族\n24=拉祜族\n25=水族\n26=东乡族\n27=纳西族\n28=景颇族\n29=柯尔克孜族\n30=土族\n31=达斡尔族\n32=仫佬族\n33=羌族\n" +
        "34=布朗族\n35=撒拉族\n36=毛南族\n37=仡佬族\n38=锡伯族\n39=阿昌族\n40=普米族\n41=塔吉克族\n42=怒族\n43=乌孜别克族\n" +
        "44=俄罗斯族\n45=鄂温克族\n46=德昂族\n47=保安族\n48=裕固族\n49=京族\n50=塔塔尔族\n51=独龙族\n52=鄂伦春族\n53=赫哲族\n" +
        "54=门巴族\n55=珞巴族\n56=基诺族\n97=其他\n98=外国血统中国籍人士";

    public static readonly Definition[] All =
    [
        new(StandardElementIds.IdNumber, "公民身份号码", "Citizen ID number", "GB 11643 公民身份号码，18位，末位为 ISO 7064 MOD 11-2 校验码", "string", ElementFormats.IdNumber, DataGrade.L4, "public_security", 18),
        new(StandardElementIds.PersonName, "姓名", "Name", "自然人在户籍登记中的姓名", "string", ElementFormats.Text, DataGrade.L3, "public_security", 50),
        new("DE0003", "性别", "Gender", "GB/T 2261.1 人的性别代码", "code", ElementFormats.CodeList, DataGrade.L2, "public_security", 1, CodeList: GenderCodes),
        new("DE0004", "出生日期", "Date of birth", "自然人出生的公历日期", "date", ElementFormats.Date, DataGrade.L3, "public_security"),
        new("DE0005", "民族", "Ethnic group", "GB/T 3304 民族代码", "code", ElementFormats.CodeList, DataGrade.L3, "public_security", 2, CodeList: EthnicCodes),
        new(StandardElementIds.CreditCode, "统一社会信用代码", "Unified social credit code", "GB 32100 法人和其他组织统一社会信用代码，18位", "string", ElementFormats.CreditCode, DataGrade.L1, "market", 18),
        new("DE0007", "企业名称", "Enterprise name", "市场主体登记的名称", "string", ElementFormats.Text, DataGrade.L1, "market", 200),
        new(StandardElementIds.LegalRepresentative, "法定代表人", "Legal representative", "市场主体登记的法定代表人姓名", "string", ElementFormats.Text, DataGrade.L1, "market", 50),
        new(StandardElementIds.DivisionCode, "行政区划代码", "Division code", "GB/T 2260 行政区划代码（6、9或12位）", "string", ElementFormats.DivisionCode, DataGrade.L1, "civil_affairs", 12),
        new("DE0010", "地址", "Address", "住所或经营场所的详细地址", "string", ElementFormats.Text, DataGrade.L3, "public_security", 200),
        new(StandardElementIds.Phone, "联系电话", "Phone number", "手机号码或带区号的固定电话", "string", ElementFormats.Phone, DataGrade.L3, "public_security", 20),
        new("DE0012", "不动产单元号", "Real estate unit number", "GB/T 37346 不动产单元代码，28位", "string", ElementFormats.RealEstateUnit, DataGrade.L2, "natural_resources", 28),
        new(StandardElementIds.Email, "电子邮箱", "E-mail address", "电子邮件地址", "string", ElementFormats.Email, DataGrade.L3, "public_security", 100),
        new("DE0014", "邮政编码", "Postal code", "6位邮政编码", "string", ElementFormats.PostalCode, DataGrade.L1, "civil_affairs", 6),
        new("DE0015", "注册资本", "Registered capital", "市场主体登记的注册资本", "decimal", ElementFormats.Decimal, DataGrade.L1, "market", Unit: "万元"),
        new("DE0016", "成立日期", "Date of establishment", "市场主体成立日期", "date", ElementFormats.Date, DataGrade.L1, "market"),
        new("DE0017", "社会保障卡号", "Social security card number", "社会保障卡卡号（9位，字母数字）", "string", ElementFormats.Pattern, DataGrade.L4, "hrss", 9, Pattern: "^[A-Z0-9]{9}$"),
        new("DE0018", "婚姻状况", "Marital status", "GB/T 2261.2 婚姻状况代码", "code", ElementFormats.CodeList, DataGrade.L3, "civil_affairs", 2,
            CodeList: "10=未婚\n20=已婚\n21=初婚\n22=再婚\n23=复婚\n30=丧偶\n40=离婚\n90=未说明的婚姻状况"),
        new("DE0019", "证照编号", "Licence number", "证照颁发机关编制的证照编号", "string", ElementFormats.Text, DataGrade.L2, "bigdata", 64),
        new("DE0020", "有效期截止日期", "Valid until", "证照或资格有效期的截止日期", "date", ElementFormats.Date, DataGrade.L1, "bigdata"),
        new("DE0021", "经营范围", "Business scope", "市场主体登记的经营范围", "string", ElementFormats.Text, DataGrade.L1, "market", 2000),
        new("DE0022", "纳税信用等级", "Tax credit rating", "纳税信用评价等级", "code", ElementFormats.CodeList, DataGrade.L2, "tax", 1, CodeList: "A=A级\nB=B级\nM=M级\nC=C级\nD=D级"),
        new("DE0023", "医保参保状态", "Medical insurance status", "基本医疗保险参保状态", "code", ElementFormats.CodeList, DataGrade.L3, "medical_insurance", 1, CodeList: "1=参保缴费\n2=暂停缴费\n3=终止参保"),
        new("DE0024", "房屋建筑面积", "Floor area", "不动产登记的建筑面积", "decimal", ElementFormats.Decimal, DataGrade.L2, "natural_resources", Unit: "平方米"),
    ];
}
