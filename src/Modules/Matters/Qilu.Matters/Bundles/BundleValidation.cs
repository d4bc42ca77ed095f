using System.Text.RegularExpressions;
using Qilu.Matters.Catalog;
using Qilu.Matters.Contracts;
using Qilu.Matters.Forms;
using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Bundles;

/// <summary>Rules of a bundle's configuration, checked against the members as offered in the bundle's division.</summary>
internal static partial class BundleValidation
{
    public static readonly string[] Audiences = ["subject", "parents", "legal_representative", "applicant", "household"];

    public static async Task<List<Error>> CheckAsync(BundleContent c, string divisionCode, MatterCatalog catalog, CancellationToken ct)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(c.Name) || c.Name.Length > 100)
            errors.Add(new Error("required", "一件事名称不能为空且不超过100个字符", "A name of at most 100 characters is required", "content.name"));
        if (c.Description.Length > 2000)
            errors.Add(new Error("max_length", "说明不能超过2000个字符", "The description is at most 2000 characters", "content.description"));
        if (!UnitKinds.IsKnown(c.CoordinatorUnitKind))
            errors.Add(new Error("routing.unit_kind", $"牵头部门类别“{c.CoordinatorUnitKind}”不存在", $"Unknown department kind '{c.CoordinatorUnitKind}'", "content.coordinatorUnitKind"));
        if (c.WorkflowKey is null || !WorkflowKeyPattern().IsMatch(c.WorkflowKey))
            errors.Add(new Error("workflow_key.format", "流程定义键格式不正确", "Malformed workflow key", "content.workflowKey"));
        if (c.Members is null || c.Members.Count < 2 || c.Members.Count > 30)
        {
            errors.Add(new Error("bundle.members_count", "一件事应包含2-30个事项", "A bundle has 2-30 member matters", "content.members"));
            return errors;
        }
        var definitions = new List<MatterDefinition>();
        for (var i = 0; i < c.Members.Count; i++)
        {
            var m = c.Members[i];
            if (c.Members.Take(i).Any(x => x.BasicCode == m.BasicCode))
            {
                errors.Add(new Error("bundle.member_duplicate", $"事项 {m.BasicCode} 重复", $"Matter {m.BasicCode} is listed twice", $"content.members[{i}].basicCode"));
                continue;
            }
            var d = await catalog.FindMatterAsync(m.BasicCode ?? "", divisionCode, ct);
            if (d is null)
                errors.Add(new Error("bundle.member_not_offered", $"事项 {m.BasicCode} 在区划 {divisionCode} 没有已发布的实施清单", $"Matter {m.BasicCode} has no published implementation covering {divisionCode}", $"content.members[{i}].basicCode"));
            else definitions.Add(d);
        }
        if (errors.Count > 0) return errors;
        var (form, conflicts) = BundleMerger.MergeForm(definitions);
        errors.AddRange(conflicts.Select(e => e with { Field = "content.members" }));
        var keys = form.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < c.Members.Count; i++)
        {
            if (c.Members[i].AppliesWhen is not { } rule) continue;
            var field = $"content.members[{i}].appliesWhen";
            var unknown = new List<string>();
            if (JsonLogicShape.Check(rule, field, v => { if (!keys.Contains(v.Split('.')[0])) unknown.Add(v); }) is { } e) errors.Add(e);
            errors.AddRange(unknown.Distinct().Select(v => new Error("rule.unknown_var", $"条件引用了合并表单中不存在的字段“{v}”", $"The condition refers to '{v}', not a field of the merged form", field)));
        }
        if (c.Offer is { } offer)
        {
            if (offer.TriggerEvent is null || !EventPattern().IsMatch(offer.TriggerEvent))
                errors.Add(new Error("offer.trigger", "触发事件名称应为小写字母、数字、点和下划线（如 health.birth_certificate.issued）",
                    "The trigger event is lower-case letters, digits, dots and underscores (e.g. health.birth_certificate.issued)", "content.offer.triggerEvent"));
            if (!Audiences.Contains(offer.Audience))
                errors.Add(new Error("offer.audience", $"推送对象应为 {string.Join("、", Audiences)} 之一", $"The audience is one of {string.Join(", ", Audiences)}", "content.offer.audience"));
            if (offer.ExpiryDays is < 1 or > 365)
                errors.Add(new Error("offer.expiry", "推送有效期应为1-365天", "An offer stays open 1-365 days", "content.offer.expiryDays"));
            if (offer.TriggerCertificateType is { } type && !CertificateTypePattern().IsMatch(type))
                errors.Add(new Error("offer.certificate_type", "触发证照类型代码应为21位（颁证机构统一社会信用代码+3位序号）", "The trigger certificate type code has 21 characters",
                    "content.offer.triggerCertificateType"));
            foreach (var (key, source) in offer.Prefill ?? new Dictionary<string, string>())
            {
                if (!keys.Contains(key))
                    errors.Add(new Error("offer.prefill_key", $"预填字段“{key}”不在合并表单中", $"Prefill key '{key}' is not a field of the merged form", "content.offer.prefill"));
                if (string.IsNullOrWhiteSpace(source) || source.Length > 64)
                    errors.Add(new Error("offer.prefill_source", $"预填字段“{key}”的来源不能为空且不超过64个字符", $"The source of prefill key '{key}' is 1-64 characters", "content.offer.prefill"));
            }
        }
        return errors;
    }

    [GeneratedRegex("^[a-z][a-z0-9._-]{1,63}$")]
    private static partial Regex WorkflowKeyPattern();

    [GeneratedRegex("^[0-9A-Z]{21}$")]
    private static partial Regex CertificateTypePattern();

    [GeneratedRegex("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*){1,5}$")]
    private static partial Regex EventPattern();
}
