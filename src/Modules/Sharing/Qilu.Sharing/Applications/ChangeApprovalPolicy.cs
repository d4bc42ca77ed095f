using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Sharing.Contracts;
using Qilu.Sharing.Grants;

namespace Qilu.Sharing.Applications;

/// <summary>
/// PUT /api/sharing/approval-policy {version, levels: {L1: 1, …, Core: 2}}: the unit's grant manager sets how many
/// provider levels its 有条件共享 applications go through, per grade. Every grade must be given, 1–3 levels, not below the
/// platform's floor (two for L4, 重要数据 and 核心数据) and never fewer for a more sensitive grade; each error names the
/// grade (<c>levels.L4</c>). Version 0 creates the unit's policy; a stale version is a 409. Applies to applications made
/// afterwards (those under way keep their levels). Audited (<c>sharing.approval_policy.changed</c>, before and after).
/// </summary>
internal static class ChangeApprovalPolicy
{
    public sealed record Request(uint Version, Dictionary<string, int>? Levels);

    public static void Map(IEndpointRouteBuilder api) => api.MapPut("/approval-policy", EndpointAsync)
        .RequirePermission(SharingPermissions.GrantsManage)
        .WithName("ChangeSharingApprovalPolicy").WithSummary("设置本单位审批级数 / Set the unit's approval levels").Produces<ApprovalPolicyView>().ProducesValidationProblem();

    private static async Task<IResult> EndpointAsync(Request request, HttpContext ctx, ActorAccessor actors, SharingServices s) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), request, s, ctx.RequestAborted));

    internal static async Task<Result<ApprovalPolicyView>> HandleAsync(Actor actor, Request request, SharingServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Outcomes.Lacks(actor, SharingPermissions.GrantsManage) is { } denied) return Outcomes.Denied<ApprovalPolicyView>(denied);
        var unit = await GrantAccess.UnitOfAsync(actor, s.Directory, ct);
        if (unit is null) return ApprovalPolicy.NoUnit();
        var (levels, errors) = Check(request.Levels);
        if (errors.Count > 0) return Outcomes.Invalid<ApprovalPolicyView>(errors);

        var policy = await s.Db.ApprovalPolicies.FirstOrDefaultAsync(p => p.ProviderUnitId == unit.Id, ct);
        if ((policy?.Version ?? 0) != request.Version) return Outcomes.Stale<ApprovalPolicyView>(request.Version, policy?.Version ?? 0);
        var before = policy?.Levels ?? ApprovalPolicy.Floor;
        if (policy is null)
        {
            // Version 1 from the start: a second request still holding version 0 then conflicts instead of overwriting.
            policy = new ApprovalPolicy { ProviderUnitId = unit.Id, Version = 1 };
            s.Db.ApprovalPolicies.Add(policy);
        }
        policy.Levels = levels!;
        policy.UpdatedBy = actor.DisplayName;
        policy.UpdatedAt = s.Clock.GetUtcNow();
        try
        {
            await s.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent edit: the version moved (update), or another request created the policy first (insert).
            return Outcomes.Stale<ApprovalPolicyView>(request.Version, request.Version + 1);
        }
        await s.Audit.WriteAsync("sharing.approval_policy.changed", "approval_policy", unit.Id.ToString(), actor,
            new { unit = unit.Name, before = Named(before), after = Named(policy.Levels) }, ct: ct);
        return ApprovalPolicyView.Of(unit.Id, unit.Name, policy, true);
    }

    /// <summary>The levels as stored (one digit per grade), or the errors naming each grade that is wrong.</summary>
    internal static (string? Levels, List<Error> Errors) Check(Dictionary<string, int>? given)
    {
        var errors = new List<Error>();
        if (given is null)
        {
            errors.Add(new Error("required", "请提供各级别的审批级数", "levels is required", "levels"));
            return (null, errors);
        }
        var byGrade = new Dictionary<DataGrade, int>();
        foreach (var (key, value) in given)
        {
            if (key.Length == 0 || !char.IsLetter(key[0]) || !Enum.TryParse<DataGrade>(key, ignoreCase: false, out var grade) || ApprovalPolicy.IndexOf(grade) < 0)
            {
                errors.Add(new Error("levels.unknown_grade", $"没有“{key}”这一级别（可用：{string.Join("、", ApprovalPolicy.Grades)}）",
                    $"There is no grade '{key}' (use {string.Join(", ", ApprovalPolicy.Grades)})", $"levels.{key}"));
                continue;
            }
            byGrade[grade] = value;
        }
        var previous = 0;
        foreach (var grade in ApprovalPolicy.Grades)
        {
            var name = ApprovalPolicyView.NameOf(grade);
            if (!byGrade.TryGetValue(grade, out var n))
            {
                errors.Add(new Error("levels.missing", $"缺少{name.Zh}的审批级数", $"Levels for {name.En} are missing", $"levels.{grade}"));
                continue;
            }
            var minimum = ApprovalPolicy.MinimumFor(grade);
            if (n < 1 || n > ApprovalPolicy.MaxLevels)
                errors.Add(new Error("levels.range", $"{name.Zh}的审批级数应为 1–{ApprovalPolicy.MaxLevels}", $"Levels for {name.En} must be 1–{ApprovalPolicy.MaxLevels}", $"levels.{grade}"));
            else if (n < minimum)
                errors.Add(new Error("levels.below_minimum", $"{name.Zh}至少需要 {minimum} 级审批（平台最低要求）", $"{name.En} needs at least {minimum} levels (the platform's minimum)", $"levels.{grade}"));
            else if (n < previous)
                errors.Add(new Error("levels.not_monotonic", $"{name.Zh}的审批级数不能少于较低级别（{previous} 级）", $"{name.En} cannot have fewer levels than a lower grade ({previous})", $"levels.{grade}"));
            else previous = n;
        }
        return errors.Count > 0 ? (null, errors) : (string.Concat(ApprovalPolicy.Grades.Select(g => byGrade[g])), errors);
    }

    private static Dictionary<string, int> Named(string levels) =>
        ApprovalPolicy.Grades.Select((g, i) => (g, i)).ToDictionary(x => x.g.ToString(), x => x.i < levels.Length ? levels[x.i] - '0' : ApprovalPolicy.MinimumFor(x.g));
}
