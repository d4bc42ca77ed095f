using System.Globalization;
using Qilu.Matters.Contracts;

namespace Qilu.Matters.Catalog;

/// <summary>
/// The XLSX layout of the standard catalog: sheet 事项 (one row per matter, every element except the form) and sheet
/// 申请材料 (one row per material, keyed by 基本编码). Procedure steps are lines "环节：说明" in one cell. Enum values are
/// written in Chinese, as officials type them.
/// </summary>
internal static class MatterSheet
{
    public const string MattersSheet = "事项";
    public const string MaterialsSheet = "申请材料";

    public static readonly string[] MatterColumns =
    [
        "基本编码", "事项名称", "事项层级", "上级编码", "事项类型", "设定依据", "受理条件", "办理流程", "法定时限", "承诺时限", "是否收费", "收费标准",
        "收费依据", "办理地点", "办理时间", "咨询电话", "监督电话", "网办深度", "到现场次数", "办理部门类别", "路由规则", "流程定义", "关键词",
    ];

    public static readonly string[] MaterialColumns = ["基本编码", "材料名称", "材料形式", "份数", "来源", "来源代码", "是否必需", "备注"];

    public static Dictionary<string, object?> MatterRow(Matter m, MatterContent c) => new()
    {
        ["基本编码"] = m.BasicCode,
        ["事项名称"] = c.Name,
        ["事项层级"] = MatterTypeNames.Zh(m.Level),
        ["上级编码"] = m.ParentCode ?? "",
        ["事项类型"] = MatterTypeNames.Zh(m.Type),
        ["设定依据"] = c.LegalBasis,
        ["受理条件"] = c.AcceptanceConditions,
        ["办理流程"] = string.Join("\n", (c.Procedure ?? []).Select(s => $"{s.Name}：{s.Description}")),
        ["法定时限"] = c.StatutoryLimitDays,
        ["承诺时限"] = c.PromisedLimitDays,
        ["是否收费"] = c.Fee?.Charged == true ? "是" : "否",
        ["收费标准"] = c.Fee?.Standard ?? "",
        ["收费依据"] = c.Fee?.Basis ?? "",
        ["办理地点"] = c.Location ?? "",
        ["办理时间"] = c.Hours ?? "",
        ["咨询电话"] = c.ConsultPhone ?? "",
        ["监督电话"] = c.SupervisionPhone ?? "",
        ["网办深度"] = c.OnlineDepth,
        ["到现场次数"] = c.OnSiteVisits,
        ["办理部门类别"] = c.Routing?.UnitKind ?? "",
        ["路由规则"] = c.Routing?.Rule ?? "",
        ["流程定义"] = c.WorkflowKey ?? "",
        ["关键词"] = string.Join(' ', c.Keywords ?? []),
    };

    public static Dictionary<string, object?> MaterialRow(string basicCode, MaterialDefinition m) => new()
    {
        ["基本编码"] = basicCode,
        ["材料名称"] = m.Name,
        ["材料形式"] = MatterTypeNames.Zh(m.Form),
        ["份数"] = m.Copies,
        ["来源"] = MatterTypeNames.Zh(m.Source),
        ["来源代码"] = m.SourceCode ?? "",
        ["是否必需"] = m.Required ? "是" : "否",
        ["备注"] = m.Note ?? "",
    };

    public static T? ParseEnum<T>(string text, Func<T, string> zh) where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => zh(v!.Value) == text || v.Value.ToString() == text);

    public static string Cell(IDictionary<string, object?> row, string key) => row.TryGetValue(key, out var v)
        ? Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() ?? "" : "";
}
