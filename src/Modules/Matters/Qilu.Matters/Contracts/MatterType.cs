namespace Qilu.Matters.Contracts;

/// <summary>
/// 事项类型 with the two-digit type codes used in the national catalog (the 3rd–4th characters of a basic code):
/// 01 行政许可 … 10 其他行政权力, 11 公共服务, 12 审核转报.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<MatterType>))]
public enum MatterType
{
    /// <summary>行政许可 (01).</summary>
    AdministrativeLicence = 1,
    /// <summary>行政处罚 (02).</summary>
    AdministrativePenalty = 2,
    /// <summary>行政强制 (03).</summary>
    AdministrativeCoercion = 3,
    /// <summary>行政征收 (04).</summary>
    AdministrativeLevy = 4,
    /// <summary>行政给付 (05).</summary>
    AdministrativePayment = 5,
    /// <summary>行政检查 (06).</summary>
    AdministrativeInspection = 6,
    /// <summary>行政确认 (07).</summary>
    AdministrativeConfirmation = 7,
    /// <summary>行政奖励 (08).</summary>
    AdministrativeReward = 8,
    /// <summary>行政裁决 (09).</summary>
    AdministrativeAdjudication = 9,
    /// <summary>其他行政权力 (10).</summary>
    OtherAdministrativePower = 10,
    /// <summary>公共服务 (11).</summary>
    PublicService = 11,
    /// <summary>审核转报 (12).</summary>
    ReviewAndForward = 12,
}

/// <summary>主项 / 子项 / 业务办理项: the three levels of the catalog hierarchy.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<MatterLevel>))]
public enum MatterLevel
{
    /// <summary>主项: the matter as set by law.</summary>
    Main = 1,
    /// <summary>子项: a split of a main item (by object, level, scale).</summary>
    Sub = 2,
    /// <summary>业务办理项: the smallest unit a citizen applies for (新设, 变更, 延续, 注销 …).</summary>
    BusinessItem = 3,
}

/// <summary>How a material is provided (原件 / 复印件 / 电子).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<MaterialForm>))]
public enum MaterialForm
{
    /// <summary>原件.</summary>
    Original = 1,
    /// <summary>复印件.</summary>
    Copy = 2,
    /// <summary>电子.</summary>
    Electronic = 3,
}

/// <summary>Where a material comes from, so that once-only (免证) can satisfy it without an upload.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<MaterialSourceKind>))]
public enum MaterialSourceKind
{
    /// <summary>The applicant uploads it.</summary>
    Upload = 1,
    /// <summary>An electronic certificate (电子证照) of the given type code, from the applicant's wallet.</summary>
    Certificate = 2,
    /// <summary>A shared-data catalog entry (共享数据目录), fetched by the handling department.</summary>
    SharedData = 3,
    /// <summary>Exempt (免提交), with the basis in the note.</summary>
    Exempt = 4,
}

/// <summary>Display names for the catalog enums (Chinese, English).</summary>
public static class MatterTypeNames
{
    /// <summary>The two-digit type code of a basic code.</summary>
    public static string Code(MatterType type) => ((int)type).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Chinese name, e.g. 行政许可.</summary>
    public static string Zh(MatterType type) => type switch
    {
        MatterType.AdministrativeLicence => "行政许可",
        MatterType.AdministrativePenalty => "行政处罚",
        MatterType.AdministrativeCoercion => "行政强制",
        MatterType.AdministrativeLevy => "行政征收",
        MatterType.AdministrativePayment => "行政给付",
        MatterType.AdministrativeInspection => "行政检查",
        MatterType.AdministrativeConfirmation => "行政确认",
        MatterType.AdministrativeReward => "行政奖励",
        MatterType.AdministrativeAdjudication => "行政裁决",
        MatterType.OtherAdministrativePower => "其他行政权力",
        MatterType.PublicService => "公共服务",
        MatterType.ReviewAndForward => "审核转报",
        _ => type.ToString(),
    };

    /// <summary>Chinese name of a level.</summary>
    public static string Zh(MatterLevel level) => level switch
    {
        MatterLevel.Main => "主项",
        MatterLevel.Sub => "子项",
        _ => "业务办理项",
    };

    /// <summary>Chinese name of a material form.</summary>
    public static string Zh(MaterialForm form) => form switch
    {
        MaterialForm.Original => "原件",
        MaterialForm.Copy => "复印件",
        _ => "电子",
    };

    /// <summary>Chinese name of a material source.</summary>
    public static string Zh(MaterialSourceKind kind) => kind switch
    {
        MaterialSourceKind.Upload => "申请人上传",
        MaterialSourceKind.Certificate => "电子证照",
        MaterialSourceKind.SharedData => "共享数据",
        _ => "免提交",
    };
}
