using System.Security.Cryptography;
using System.Text;
using Qilu.SharedKernel.Identifiers;

namespace Qilu.Identity.Seed;

/// <summary>
/// The departments every level of the demo province has, by functional kind, with names per level
/// (省…厅 / 市…局 / 区…局). Credit codes are composed per GB 32100 (authority 1 机构编制, type 1 机关, the unit's
/// division, a deterministic organisation code with its GB 11714 check, and the MOD 31 check) so they validate.
/// </summary>
internal static class DepartmentCatalog
{
    public static IReadOnlyList<(string Kind, string Province, string City, string County)> Kinds { get; } =
    [
        ("bigdata", "山东省大数据局", "{0}大数据局", "{0}大数据局"),
        ("public_security", "山东省公安厅", "{0}公安局", "{0}公安分局"),
        ("market", "山东省市场监督管理局", "{0}市场监督管理局", "{0}市场监督管理局"),
        ("hrss", "山东省人力资源和社会保障厅", "{0}人力资源和社会保障局", "{0}人力资源和社会保障局"),
        ("health", "山东省卫生健康委员会", "{0}卫生健康委员会", "{0}卫生健康局"),
        ("medical_insurance", "山东省医疗保障局", "{0}医疗保障局", "{0}医疗保障局"),
        ("civil_affairs", "山东省民政厅", "{0}民政局", "{0}民政局"),
        ("tax", "国家税务总局山东省税务局", "国家税务总局{0}税务局", "国家税务总局{0}税务局"),
        ("natural_resources", "山东省自然资源厅", "{0}自然资源和规划局", "{0}自然资源局"),
        ("ecology", "山东省生态环境厅", "{0}生态环境局", "{0}生态环境分局"),
        ("housing", "山东省住房和城乡建设厅", "{0}住房和城乡建设局", "{0}住房和城乡建设局"),
        // Kinds the 12345 hotline's taxonomy dispatches to (Hotline's 派单目录); without them a complaint about street
        // vending or a school would have no unit to go to.
        ("urban_management", "山东省住房和城乡建设厅城市管理局", "{0}城市管理局", "{0}城市管理局"),
        ("transport", "山东省交通运输厅", "{0}交通运输局", "{0}交通运输局"),
        ("education", "山东省教育厅", "{0}教育局", "{0}教育和体育局"),
        ("water", "山东省水利厅", "{0}水务局", "{0}水务局"),
        ("agriculture", "山东省农业农村厅", "{0}农业农村局", "{0}农业农村局"),
        ("commerce", "山东省商务厅", "{0}商务局", "{0}商务局"),
        ("emergency", "山东省应急管理厅", "{0}应急管理局", "{0}应急管理局"),
    ];

    public static string NameFor(string kind, DivisionLevel level, string divisionName)
    {
        var k = Kinds.First(x => x.Kind == kind);
        return level switch
        {
            DivisionLevel.Province => k.Province,
            DivisionLevel.City => string.Format(System.Globalization.CultureInfo.InvariantCulture, k.City, divisionName),
            _ => string.Format(System.Globalization.CultureInfo.InvariantCulture, k.County, divisionName),
        };
    }

    /// <summary>A valid 统一社会信用代码 for a 机关 unit, derived deterministically from its name and division.</summary>
    public static string CreditCodeFor(string divisionCode, string name) => Compose('1', '1', divisionCode, name);

    /// <summary>A valid code for an enterprise (authority 9 市场监管, type 1 企业).</summary>
    public static string EnterpriseCreditCode(string divisionCode, string name) => Compose('9', '1', divisionCode, name);

    private static string Compose(char authority, char type, string divisionCode, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(divisionCode + name));
        var body = new StringBuilder(8);
        // Organisation codes are digits and capitals; digits keep them readable and obviously synthetic.
        for (var i = 0; i < 8; i++) body.Append((char)('0' + hash[i] % 10));
        var org = body.ToString() + CreditCode.ComputeOrganizationCheckCharacter(body.ToString());
        var first17 = $"{authority}{type}{divisionCode[..6]}{org}";
        return first17 + CreditCode.ComputeCheckCharacter(first17);
    }
}
