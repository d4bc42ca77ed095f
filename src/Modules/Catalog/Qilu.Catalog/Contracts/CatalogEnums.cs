using System.Text.Json.Serialization;

namespace Qilu.Catalog.Contracts;

/// <summary>
/// Grade of data after GB/T 43697-2024 (数据分类分级规则): 核心数据 &gt; 重要数据 &gt; 一般数据, with 一般数据 subdivided
/// into four sensitivity levels L1–L4. The numeric order is the severity order, so "就高从严" is <c>Max</c>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<DataGrade>))]
public enum DataGrade
{
    /// <summary>一般数据 L1: public or harmless if disclosed (机构名称, 行政区划代码).</summary>
    L1 = 1,
    /// <summary>一般数据 L2: internal; minor harm to individuals or organisations (性别, 不动产单元号).</summary>
    L2 = 2,
    /// <summary>一般数据 L3: sensitive; harm to individuals' rights (姓名, 联系电话, 地址).</summary>
    L3 = 3,
    /// <summary>一般数据 L4: highly sensitive personal or business data (公民身份号码, 敏感个人信息).</summary>
    L4 = 4,
    /// <summary>重要数据: harm to national security, economic operation, social stability or public health (GB/T 43697 附录G).</summary>
    Important = 5,
    /// <summary>核心数据: national-security key domains, lifelines of the economy (GB/T 43697 §6).</summary>
    Core = 6,
}

/// <summary>共享类型 after 国发〔2016〕51号.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ShareType>))]
public enum ShareType
{
    /// <summary>无条件共享: every government department may use it.</summary>
    Unconditional = 1,
    /// <summary>有条件共享: some departments or part of the data, on application; requires a cited legal basis.</summary>
    Conditional = 2,
    /// <summary>不予共享: only with a cited law, regulation or central policy.</summary>
    NotShared = 3,
}

/// <summary>开放属性 towards the public (open-data portal).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OpenType>))]
public enum OpenType
{
    /// <summary>无条件开放.</summary>
    Unconditional = 1,
    /// <summary>有条件开放.</summary>
    Conditional = 2,
    /// <summary>不予开放.</summary>
    NotOpen = 3,
}

/// <summary>共享方式: how consumers receive the data.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ShareMethod>))]
public enum ShareMethod
{
    /// <summary>接口: query through the gateway.</summary>
    Api = 1,
    /// <summary>文件: file download / exchange.</summary>
    File = 2,
    /// <summary>核验: yes/no verification only, the data itself never leaves (原始数据不出域).</summary>
    Verification = 3,
}

/// <summary>资源属性分类 of the national catalog: 基础 / 主题 / 部门.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CatalogCategory>))]
public enum CatalogCategory
{
    /// <summary>基础信息资源 (人口、法人单位、自然资源和空间地理、社会信用、电子证照).</summary>
    Basic = 1,
    /// <summary>主题信息资源 (公共服务、健康保障、社会保障 …).</summary>
    Theme = 2,
    /// <summary>部门信息资源.</summary>
    Department = 3,
}

/// <summary>信息资源格式.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResourceFormat>))]
public enum ResourceFormat
{
    /// <summary>数据库.</summary>
    Database = 1,
    /// <summary>电子表格.</summary>
    Spreadsheet = 2,
    /// <summary>电子文件 (documents).</summary>
    Document = 3,
    /// <summary>图形图像.</summary>
    Image = 4,
    /// <summary>接口.</summary>
    Api = 5,
    /// <summary>其他.</summary>
    Other = 6,
}

/// <summary>Lifecycle state of one version of a catalog entry.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EntryStatus>))]
public enum EntryStatus
{
    /// <summary>草稿: editable by the providing unit.</summary>
    Draft = 1,
    /// <summary>待审核: waiting for the big-data bureau.</summary>
    Submitted = 2,
    /// <summary>已驳回: returned with a reason; editable again.</summary>
    Rejected = 3,
    /// <summary>已发布: the version readers see.</summary>
    Published = 4,
    /// <summary>已被新版本取代.</summary>
    Superseded = 5,
    /// <summary>已下线 (withdrawn).</summary>
    Withdrawn = 6,
}

/// <summary>Default masking a field receives when shared, driven by its grade (<see cref="GradePolicy"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MaskingRule>))]
public enum MaskingRule
{
    /// <summary>Shown as is.</summary>
    None = 0,
    /// <summary>Partially masked by the element's format (3701**********1234, 138****5678, 张*).</summary>
    Partial = 1,
    /// <summary>Withheld entirely unless a grant explicitly releases the field.</summary>
    Redact = 2,
}
