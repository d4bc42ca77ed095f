using System.Collections.Frozen;

namespace Qilu.SharedKernel.Identifiers;

/// <summary>
/// GB 32100-2015 table A.1 as amended (A 中央军委改革和编制办公室, N 农业 added): 登记管理部门代码 and, per
/// authority, the 机构类别代码 it may use. Y (其他) does not subdivide and always uses 1.
/// </summary>
internal static class CreditCodeCategories
{
    public sealed record Authority(string Name, FrozenDictionary<char, string> Types);

    public static readonly FrozenDictionary<char, Authority> Authorities = new Dictionary<char, Authority>
    {
        ['1'] = new("机构编制", Types(('1', "机关"), ('2', "事业单位"), ('3', "中央编办直接管理机构编制的群众团体"), ('9', "其他"))),
        ['2'] = new("外交", Types(('1', "外国常驻新闻机构"), ('9', "其他"))),
        ['3'] = new("司法行政", Types(('1', "律师执业机构"), ('2', "公证处"), ('3', "基层法律服务所"), ('4', "司法鉴定机构"),
            ('5', "仲裁委员会"), ('9', "其他"))),
        ['4'] = new("文化", Types(('1', "外国在华文化中心"), ('9', "其他"))),
        ['5'] = new("民政", Types(('1', "社会团体"), ('2', "民办非企业单位"), ('3', "基金会"), ('9', "其他"))),
        ['6'] = new("旅游", Types(('1', "外国旅游部门常驻代表机构"), ('2', "港澳台地区旅游部门常驻内地（大陆）代表机构"), ('9', "其他"))),
        ['7'] = new("宗教", Types(('1', "宗教活动场所"), ('2', "宗教院校"), ('9', "其他"))),
        ['8'] = new("工会", Types(('1', "基层工会"), ('9', "其他"))),
        ['9'] = new("工商", Types(('1', "企业"), ('2', "个体工商户"), ('3', "农民专业合作社"))),
        ['A'] = new("中央军委改革和编制办公室", Types(('1', "军队事业单位"), ('9', "其他"))),
        ['N'] = new("农业", Types(('1', "组级集体经济组织"), ('2', "村级集体经济组织"), ('3', "乡镇级集体经济组织"), ('9', "其他"))),
        ['Y'] = new("其他", Types(('1', "其他"))),
    }.ToFrozenDictionary();

    private static FrozenDictionary<char, string> Types(params (char Code, string Name)[] types) =>
        types.ToFrozenDictionary(t => t.Code, t => t.Name);
}
