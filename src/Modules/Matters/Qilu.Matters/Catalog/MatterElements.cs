using System.Text.Json;
using Qilu.Matters.Contracts;

namespace Qilu.Matters.Catalog;

/// <summary>
/// The standard elements, each with its label, whether it is a local element (set by every implementation:
/// 咨询/监督电话, 办理地点和时间, which the 同标准无差别 report therefore does not count), and accessors.
/// </summary>
internal static class MatterElements
{
    public sealed record Element(string Key, string Zh, string En, bool Local, Func<MatterContent, object?> Get, Func<MatterContent, object, MatterContent> Set);

    public static IReadOnlyList<Element> All { get; } =
    [
        new("name", "事项名称", "Name", false, c => c.Name, (c, v) => c with { Name = (string)v }),
        new("legalBasis", "设定依据", "Legal basis", false, c => c.LegalBasis, (c, v) => c with { LegalBasis = (string)v }),
        new("acceptanceConditions", "受理条件", "Acceptance conditions", false, c => c.AcceptanceConditions, (c, v) => c with { AcceptanceConditions = (string)v }),
        new("materials", "申请材料", "Materials", false, c => c.Materials, (c, v) => c with { Materials = (IReadOnlyList<MaterialDefinition>)v }),
        new("procedure", "办理流程", "Procedure", false, c => c.Procedure, (c, v) => c with { Procedure = (IReadOnlyList<ProcedureStep>)v }),
        new("statutoryLimitDays", "法定时限", "Statutory time limit", false, c => c.StatutoryLimitDays, (c, v) => c with { StatutoryLimitDays = (int)v }),
        new("promisedLimitDays", "承诺时限", "Promised time limit", false, c => c.PromisedLimitDays, (c, v) => c with { PromisedLimitDays = (int)v }),
        new("fee", "收费", "Fee", false, c => c.Fee, (c, v) => c with { Fee = (FeeDefinition)v }),
        new("location", "办理地点", "Location", true, c => c.Location, (c, v) => c with { Location = (string)v }),
        new("hours", "办理时间", "Hours", true, c => c.Hours, (c, v) => c with { Hours = (string)v }),
        new("consultPhone", "咨询电话", "Consultation phone", true, c => c.ConsultPhone, (c, v) => c with { ConsultPhone = (string)v }),
        new("supervisionPhone", "监督电话", "Supervision phone", true, c => c.SupervisionPhone, (c, v) => c with { SupervisionPhone = (string)v }),
        new("onlineDepth", "网办深度", "Online depth", false, c => c.OnlineDepth, (c, v) => c with { OnlineDepth = (int)v }),
        new("onSiteVisits", "到现场次数", "On-site visits", false, c => c.OnSiteVisits, (c, v) => c with { OnSiteVisits = (int)v }),
        new("form", "申请表单", "Form", false, c => c.Form, (c, v) => c with { Form = (FormDefinition)v }),
        new("routing", "办理部门路由", "Routing", false, c => c.Routing, (c, v) => c with { Routing = (RoutingDefinition)v }),
        new("workflowKey", "流程定义", "Workflow", false, c => c.WorkflowKey, (c, v) => c with { WorkflowKey = (string)v }),
        new("keywords", "关键词", "Keywords", false, c => c.Keywords, (c, v) => c with { Keywords = (IReadOnlyList<string>)v }),
    ];

    public static Element? Find(string key) => All.FirstOrDefault(e => e.Key == key);

    /// <summary>Value equality through the stored JSON form (lists and records compare by content).</summary>
    public static bool SameValue(object? a, object? b) => Describe(a) == Describe(b);

    /// <summary>The element's value as compact JSON (what reports and previews show).</summary>
    public static string Describe(object? value) => value is null ? "" :
        value is string s ? s : JsonSerializer.Serialize(value, value.GetType(), MattersJson.Options);
}
