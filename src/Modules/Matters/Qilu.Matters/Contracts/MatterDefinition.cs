namespace Qilu.Matters.Contracts;

/// <summary>
/// A published matter as it applies in one division: the provincial standard merged with the nearest local
/// implementation (county, then city, then province). Everything the Cases, Rules and Workflow modules need.
/// </summary>
/// <param name="MatterId">Id of the implementation (or of the standard when <see cref="ImplementationCode"/> is null).</param>
/// <param name="StandardId">Id of the provincial standard.</param>
/// <param name="BasicCode">基本编码 (12 digits).</param>
/// <param name="ImplementationCode">实施编码, null when no implementation exists (the matter is then not offered).</param>
/// <param name="Name">事项名称.</param>
/// <param name="Level">主项 / 子项 / 业务办理项.</param>
/// <param name="ParentCode">Basic code of the parent item, if any.</param>
/// <param name="Type">事项类型.</param>
/// <param name="DivisionCode">Division of the implementation (or 370000 for the standard).</param>
/// <param name="ImplementingUnit">实施主体, null for the bare standard.</param>
/// <param name="Version">Published version number of the implementation (or standard).</param>
/// <param name="StandardVersion">Published version of the standard it was merged with.</param>
/// <param name="LegalBasis">设定依据.</param>
/// <param name="AcceptanceConditions">受理条件.</param>
/// <param name="Materials">申请材料.</param>
/// <param name="Procedure">办理流程.</param>
/// <param name="StatutoryLimitDays">法定时限 in working days (0: 即办件).</param>
/// <param name="PromisedLimitDays">承诺时限 in working days, never above the statutory one.</param>
/// <param name="Fee">收费 and its basis.</param>
/// <param name="Location">办理地点.</param>
/// <param name="Hours">办理时间.</param>
/// <param name="ConsultPhone">咨询电话.</param>
/// <param name="SupervisionPhone">监督投诉电话.</param>
/// <param name="OnlineDepth">网办深度 1–4 (四级 = 全程网办).</param>
/// <param name="OnSiteVisits">到现场次数.</param>
/// <param name="Form">Application form.</param>
/// <param name="Routing">Responsible unit kind and the routing rule.</param>
/// <param name="WorkflowKey">Key of the Workflow engine's process definition.</param>
/// <param name="Keywords">Search keywords.</param>
public sealed record MatterDefinition(
    Guid MatterId, Guid StandardId, string BasicCode, string? ImplementationCode, string Name, MatterLevel Level, string? ParentCode,
    MatterType Type, string DivisionCode, ImplementingUnit? ImplementingUnit, int Version, int StandardVersion,
    string LegalBasis, string AcceptanceConditions, IReadOnlyList<MaterialDefinition> Materials, IReadOnlyList<ProcedureStep> Procedure,
    int StatutoryLimitDays, int PromisedLimitDays, FeeDefinition Fee, string? Location, string? Hours, string? ConsultPhone,
    string? SupervisionPhone, int OnlineDepth, int OnSiteVisits, FormDefinition Form, RoutingDefinition Routing, string WorkflowKey,
    IReadOnlyList<string> Keywords);

/// <summary>实施主体: the unit implementing a matter.</summary>
/// <param name="Id">Unit id in the Identity directory.</param>
/// <param name="Name">Unit name.</param>
/// <param name="CreditCode">统一社会信用代码.</param>
/// <param name="Kind">Department kind.</param>
public sealed record ImplementingUnit(Guid Id, string Name, string CreditCode, string Kind);
