using System.Globalization;
using System.Text;
using Qilu.Catalog.Resources;
using Qilu.SharedKernel.Identifiers;

namespace Qilu.Catalog.Seed;

/// <summary>
/// Demo rows for the open data portal: 济南市民政局 mounts a table on its 社会组织登记信息 entry (base-list item SD-BL-017,
/// 无条件开放) and imports <see cref="Count"/> fictitious social organisations through the mount and import use cases a
/// data officer uses. Codes follow GB 32100 for 民政-registered organisations: authority 5, type 1 社会团体 / 2 民办非企业单位 /
/// 3 基金会, the registering division 370100, a GB 11714 organisation code and the check character.
/// </summary>
internal static class SocialOrganisationsDemo
{
    public const string EntryName = "社会组织登记信息";
    public const string TableName = "济南市社会组织登记信息表";
    public const string Division = "370100";
    public const string DivisionField = "住所所在行政区划";

    /// <summary>Rows imported: enough for paging and filters, few enough that the import stays a small part of the first
    /// start (measured in docs/benchmarks.md).</summary>
    public const int Count = 300;

    private static readonly (string Code, string Name)[] Districts =
    [
        ("370102", "历下区"), ("370103", "市中区"), ("370104", "槐荫区"), ("370105", "天桥区"), ("370112", "历城区"), ("370113", "长清区"),
        ("370114", "章丘区"), ("370115", "济阳区"), ("370116", "莱芜区"), ("370117", "钢城区"), ("370124", "平阴县"), ("370126", "商河县"),
    ];

    private static readonly (string Topic, string Scope)[] Associations =
    [
        ("青年志愿者", "组织志愿服务活动；开展志愿者招募与培训"), ("老年人体育", "组织老年人体育健身活动；举办群众性体育比赛"),
        ("书法家", "开展书法创作交流与展览；普及书法教育"), ("摄影家", "组织摄影创作与采风；举办摄影展览与培训"),
        ("个体劳动者", "维护会员合法权益；开展政策宣传与业务培训"), ("餐饮行业", "制定行业自律规范；开展食品安全培训与交流"),
        ("物流行业", "开展行业调研与统计；组织业务交流与人才培训"), ("软件行业", "开展技术交流与成果推广；承接政府委托事项"),
        ("中医药", "开展中医药学术交流；推广中医药适宜技术"), ("家庭教育研究", "开展家庭教育研究与咨询；组织家长学校活动"),
        ("围棋", "组织围棋培训、比赛与交流活动"), ("太极拳", "推广太极拳运动；组织培训与展演"),
    ];

    private static readonly (string Topic, string Suffix, string Scope)[] NonProfits =
    [
        ("阳光", "社会工作服务中心", "为困难群众提供社会工作服务；开展社区治理项目"), ("康宁", "养老服务中心", "为老年人提供日间照料、助餐与康复服务"),
        ("启明", "残疾人康复中心", "为残疾儿童提供康复训练与家长指导"), ("博雅", "职业培训学校", "开展职业技能培训；组织技能等级认定前培训"),
        ("和美", "社区服务中心", "开展社区便民服务与邻里互助活动"), ("心语", "心理咨询服务中心", "提供心理健康咨询与危机干预服务"),
    ];

    private static readonly (string Topic, string Scope)[] Foundations =
    [
        ("慈善助学", "资助家庭困难学生完成学业；奖励优秀教师"), ("泉城文化发展", "资助地方文化研究、出版与非遗保护项目"),
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"];
    private static readonly string[] Given = ["建华", "秀兰", "志刚", "丽娟", "国庆", "红梅", "文涛", "海波", "静", "伟", "立军", "雪梅", "振东", "慧敏"];

    /// <summary>Mounts the table and imports the rows, unless 济南市民政局 or its published entry is missing or the entry
    /// already has resources (a restart seeds nothing twice).</summary>
    public static Task SeedAsync(IServiceProvider services, CancellationToken ct) =>
        DemoTable.SeedAsync(services, "civil_affairs", Division, EntryName, publishedOnly: true,
            new MountTable.Request(TableName, null, "统一社会信用代码", DivisionField), "社会组织登记信息.csv", Csv(), ct);

    /// <summary>One demo organisation.</summary>
    internal sealed record Organisation(string CreditCode, string Name, string Representative, DateOnly Registered, string Scope, string DivisionCode);

    /// <summary>The demo organisations, deterministic so that every demo start shows the same ones.</summary>
    public static IReadOnlyList<Organisation> All()
    {
        var list = new List<Organisation>(Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; list.Count < Count; i++)
        {
            var (division, districtName) = Districts[i % Districts.Length];
            var round = i / Districts.Length;
            // Six in ten are 社会团体, three 民办非企业单位, one 基金会 — roughly the national mix.
            var (type, name, scope) = (i % 10) switch
            {
                < 6 => Association(districtName, round),
                < 9 => NonProfit(districtName, round),
                _ => Foundation(round),
            };
            if (!seen.Add(name)) continue;
            var body = "MJ" + (100_000 + (i * 7_919 % 900_000)).ToString("D6", CultureInfo.InvariantCulture);
            var first17 = "5" + type + Division + body + CreditCode.ComputeOrganizationCheckCharacter(body);
            var code = first17 + CreditCode.ComputeCheckCharacter(first17);
            var person = Surnames[i * 7 % Surnames.Length] + Given[i * 5 % Given.Length];
            var registered = new DateOnly(1996, 3, 1).AddDays(i * 97 % 10_500);
            list.Add(new Organisation(code, name, person, registered, scope, division));
        }
        return list;
    }

    private static (char Type, string Name, string Scope) Association(string district, int round)
    {
        var (topic, scope) = Associations[round % Associations.Length];
        var suffix = (round / Associations.Length % 3) switch { 0 => "协会", 1 => "联合会", _ => "促进会" };
        return ('1', district + topic + suffix, scope + "。");
    }

    private static (char Type, string Name, string Scope) NonProfit(string district, int round)
    {
        var (topic, suffix, scope) = NonProfits[round % NonProfits.Length];
        var prefix = (round / NonProfits.Length % 4) switch { 0 => "", 1 => "晨光", 2 => "德润", _ => "益康" };
        return ('2', $"济南市{district}{prefix}{topic}{suffix}", scope + "。");
    }

    private static (char Type, string Name, string Scope) Foundation(int round)
    {
        var (topic, scope) = Foundations[round % Foundations.Length];
        var prefix = (round / Foundations.Length % 6) switch { 0 => "济南市", 1 => "济南泉城", 2 => "济南市历下", 3 => "济南市章丘", 4 => "济南明湖", _ => "济南市长清" };
        return ('3', $"{prefix}{topic}基金会", scope + "。");
    }

    private static string Csv()
    {
        var sb = new StringBuilder("统一社会信用代码,社会组织名称,法定代表人,成立登记日期,业务范围,住所所在行政区划\n");
        foreach (var o in All())
            sb.Append(CultureInfo.InvariantCulture, $"{o.CreditCode},{o.Name},{o.Representative},{o.Registered:yyyy-MM-dd},{o.Scope},{o.DivisionCode}\n");
        return sb.ToString();
    }
}
