using System.Text.Json;
using System.Text.RegularExpressions;
using Qilu.Matters.Contracts;
using Qilu.Matters.Forms;
using Qilu.SharedKernel.Identifiers;
using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Catalog;

/// <summary>
/// Rules for matter elements. <see cref="CheckElements"/> checks whatever elements are present (an implementation's
/// overrides); <see cref="CheckComplete"/> additionally requires every standard element and the cross-element rules
/// (承诺时限 ≤ 法定时限, 全程网办 means no visit), and runs on a standard and on an implementation's effective content.
/// </summary>
internal static partial class MatterValidation
{
    public static List<Error> CheckElements(MatterContent c, string prefix = "content")
    {
        var errors = new List<Error>();
        Text(c.Name, prefix + ".name", "事项名称", 2, 100, errors);
        Text(c.LegalBasis, prefix + ".legalBasis", "设定依据", 2, 4000, errors);
        Text(c.AcceptanceConditions, prefix + ".acceptanceConditions", "受理条件", 2, 4000, errors);
        Text(c.Location, prefix + ".location", "办理地点", 2, 200, errors);
        Text(c.Hours, prefix + ".hours", "办理时间", 2, 200, errors);
        Phone(c.ConsultPhone, prefix + ".consultPhone", "咨询电话", errors);
        Phone(c.SupervisionPhone, prefix + ".supervisionPhone", "监督电话", errors);
        if (c.StatutoryLimitDays is < 0 or > 365)
            errors.Add(new Error("time_limit.range", "法定时限应为0-365个工作日（0为即办件）", "The statutory limit is 0-365 working days (0: on the spot)", prefix + ".statutoryLimitDays"));
        if (c.PromisedLimitDays is < 0 or > 365)
            errors.Add(new Error("time_limit.range", "承诺时限应为0-365个工作日（0为即办件）", "The promised limit is 0-365 working days (0: on the spot)", prefix + ".promisedLimitDays"));
        if (c.OnlineDepth is < 1 or > 4)
            errors.Add(new Error("online_depth.range", "网办深度应为一至四级（1-4）", "Online depth is level 1 to 4", prefix + ".onlineDepth"));
        if (c.OnSiteVisits is < 0 or > 5)
            errors.Add(new Error("on_site_visits.range", "到现场次数应为0-5次", "On-site visits are 0-5", prefix + ".onSiteVisits"));
        if (c.Fee is { } fee && fee.Charged)
        {
            Text(fee.Standard ?? "", prefix + ".fee.standard", "收费标准", 1, 1000, errors);
            Text(fee.Basis ?? "", prefix + ".fee.basis", "收费依据", 1, 1000, errors);
        }
        if (c.Materials is { } materials) Materials(materials, prefix + ".materials", errors);
        if (c.Procedure is { } steps)
        {
            if (steps.Count > 30) errors.Add(new Error("procedure.too_many", "办理流程不超过30步", "At most 30 procedure steps", prefix + ".procedure"));
            for (var i = 0; i < steps.Count; i++)
            {
                Text(steps[i].Name, $"{prefix}.procedure[{i}].name", "环节名称", 1, 50, errors);
                Text(steps[i].Description ?? "", $"{prefix}.procedure[{i}].description", "环节说明", 0, 1000, errors);
            }
        }
        if (c.Form is { } form) FormValidation.Check(form, prefix + ".form", errors);
        if (c.Routing is { } routing) Routing(routing, prefix + ".routing", errors);
        if (c.WorkflowKey is { } wf && !WorkflowKeyPattern().IsMatch(wf))
            errors.Add(new Error("workflow_key.format", "流程定义键应以小写字母开头，由小写字母、数字、点、下划线或连字符组成（2-64位）",
                "A workflow key starts with a lower-case letter followed by lower-case letters, digits, '.', '_' or '-' (2-64)", prefix + ".workflowKey"));
        if (c.Keywords is { } kw && (kw.Count > 20 || kw.Any(k => string.IsNullOrWhiteSpace(k) || k.Length > 20)))
            errors.Add(new Error("keywords.format", "关键词最多20个，每个1-20个字符", "At most 20 keywords of 1-20 characters", prefix + ".keywords"));
        return errors;
    }

    public static List<Error> CheckComplete(MatterContent c, string prefix = "content")
    {
        var errors = CheckElements(c, prefix);
        void Need(object? v, string key, string zh)
        {
            if (v is null) errors.Add(new Error("required", $"{zh}不能为空", $"{key} is required", $"{prefix}.{key}"));
        }
        Need(c.Name, "name", "事项名称");
        Need(c.LegalBasis, "legalBasis", "设定依据");
        Need(c.AcceptanceConditions, "acceptanceConditions", "受理条件");
        Need(c.Materials, "materials", "申请材料");
        Need(c.Procedure, "procedure", "办理流程");
        Need(c.StatutoryLimitDays, "statutoryLimitDays", "法定时限");
        Need(c.PromisedLimitDays, "promisedLimitDays", "承诺时限");
        Need(c.Fee, "fee", "收费");
        Need(c.OnlineDepth, "onlineDepth", "网办深度");
        Need(c.OnSiteVisits, "onSiteVisits", "到现场次数");
        Need(c.Routing, "routing", "办理部门路由");
        Need(c.WorkflowKey, "workflowKey", "流程定义");
        if (c.Procedure is { Count: 0 })
            errors.Add(new Error("required", "办理流程至少一个环节", "The procedure needs at least one step", prefix + ".procedure"));
        if (c.PromisedLimitDays is { } promised && c.StatutoryLimitDays is { } statutory && promised > statutory)
            errors.Add(new Error("time_limit.promised_above_statutory", $"承诺时限（{promised}个工作日）不能超过法定时限（{statutory}个工作日）",
                $"The promised limit ({promised} working days) cannot exceed the statutory limit ({statutory})", prefix + ".promisedLimitDays"));
        if (c.OnlineDepth == 4 && c.OnSiteVisits > 0)
            errors.Add(new Error("online_depth.visits", "网办深度为四级（全程网办）的事项到现场次数应为0",
                "A level-4 (fully online) matter needs no on-site visit", prefix + ".onSiteVisits"));
        return errors;
    }

    private static void Materials(IReadOnlyList<MaterialDefinition> materials, string prefix, List<Error> errors)
    {
        if (materials.Count > 100) errors.Add(new Error("materials.too_many", "申请材料不超过100项", "At most 100 materials", prefix));
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < materials.Count; i++)
        {
            var m = materials[i];
            var at = $"{prefix}[{i}]";
            Text(m.Name, at + ".name", "材料名称", 2, 100, errors);
            if (m.Name is not null && !names.Add(m.Name.Trim()))
                errors.Add(new Error("materials.duplicate", $"材料“{m.Name}”重复", $"Material '{m.Name}' is listed twice", at + ".name"));
            if (!Enum.IsDefined(m.Form)) errors.Add(new Error("materials.form", "材料形式应为原件、复印件或电子", "Form must be original, copy or electronic", at + ".form"));
            if (!Enum.IsDefined(m.Source)) errors.Add(new Error("materials.source", "材料来源无效", "Unknown material source", at + ".source"));
            if (m.Copies is < 0 or > 20 || (m.Copies == 0 && m.Form != MaterialForm.Electronic && m.Source is MaterialSourceKind.Upload))
                errors.Add(new Error("materials.copies", "份数应为0-20（纸质材料至少1份）", "Copies are 0-20 (at least 1 for paper)", at + ".copies"));
            var needsCode = m.Source is MaterialSourceKind.Certificate or MaterialSourceKind.SharedData;
            if (needsCode && (m.SourceCode is null || !SourceCodePattern().IsMatch(m.SourceCode)))
                errors.Add(new Error("materials.source_code", m.Source == MaterialSourceKind.Certificate
                        ? "来源为电子证照时须填写证照类型代码（字母、数字、点或连字符，3-64位）"
                        : "来源为共享数据时须填写共享目录条目代码（字母、数字、点或连字符，3-64位）",
                    "A certificate or shared-data source needs its code (letters, digits, '.', '-'; 3-64)", at + ".sourceCode"));
            if (!needsCode && m.SourceCode is not null)
                errors.Add(new Error("materials.source_code_unexpected", "上传或免提交的材料不应填写来源代码",
                    "Uploaded or exempt materials carry no source code", at + ".sourceCode"));
            if (m.Source == MaterialSourceKind.Exempt && string.IsNullOrWhiteSpace(m.Note))
                errors.Add(new Error("materials.exempt_basis", "免提交材料须在备注中说明免提交依据", "An exempt material needs the basis of the exemption in its note", at + ".note"));
            if (m.Note is { Length: > 500 })
                errors.Add(new Error("max_length", "备注不能超过500个字符", "The note is at most 500 characters", at + ".note"));
        }
    }

    private static void Routing(RoutingDefinition r, string prefix, List<Error> errors)
    {
        if (!UnitKinds.IsKnown(r.UnitKind))
            errors.Add(new Error("routing.unit_kind", $"办理部门类别“{r.UnitKind}”不存在", $"Unknown department kind '{r.UnitKind}'", prefix + ".unitKind"));
        if (string.IsNullOrWhiteSpace(r.Rule))
        {
            errors.Add(new Error("required", "路由规则不能为空", "The routing rule is required", prefix + ".rule"));
            return;
        }
        if (JsonLogicShape.Check(r.Rule, prefix + ".rule") is { } e)
        {
            errors.Add(e);
            return;
        }
        // Literal kinds anywhere in the rule's result positions must be departments that exist; checking every string
        // literal that looks like a kind catches typos such as "hrs" without evaluating the rule.
        using var doc = JsonDocument.Parse(r.Rule);
        if (doc.RootElement.ValueKind == JsonValueKind.String && !UnitKinds.IsKnown(doc.RootElement.GetString()))
            errors.Add(new Error("routing.unit_kind", $"路由规则结果“{doc.RootElement.GetString()}”不是已知的部门类别",
                $"The rule yields '{doc.RootElement.GetString()}', which is not a department kind", prefix + ".rule"));
    }

    private static void Text(string? value, string field, string zh, int min, int max, List<Error> errors)
    {
        if (value is null) return;
        if (value.Trim().Length < min)
            errors.Add(new Error(min <= 1 ? "required" : "min_length", min <= 1 ? $"{zh}不能为空" : $"{zh}至少{min}个字符", min <= 1 ? $"{field} is required" : $"{field} needs at least {min} characters", field));
        else if (value.Length > max)
            errors.Add(new Error("max_length", $"{zh}不能超过{max}个字符", $"{field} must be at most {max} characters", field));
    }

    /// <summary>A mainland phone number, or a government service number such as 12345 / 12315 / 12366.</summary>
    private static void Phone(string? value, string field, string zh, List<Error> errors)
    {
        if (value is null) return;
        if (ServiceNumberPattern().IsMatch(value.Trim())) return;
        var parsed = PhoneNumber.Parse(value);
        if (!parsed.IsSuccess)
            errors.Add(new Error("phone.invalid", $"{zh}“{value}”不是有效的电话号码（固定电话须带区号，如0531-88562345；或12345等政务服务热线）",
                $"'{value}' is not a valid phone number (landlines need the area code, e.g. 0531-88562345; or a service number such as 12345)", field));
    }

    [GeneratedRegex("^12[0-9]{3}$")]
    private static partial Regex ServiceNumberPattern();

    [GeneratedRegex("^[a-z][a-z0-9._-]{1,63}$")]
    private static partial Regex WorkflowKeyPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9.\\-]{2,63}$")]
    private static partial Regex SourceCodePattern();
}
