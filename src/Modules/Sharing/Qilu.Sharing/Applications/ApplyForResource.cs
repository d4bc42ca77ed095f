using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Catalog.Contracts;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.SharedKernel.Time;
using Qilu.Sharing.Contracts;
using Qilu.Sharing.Grants;

namespace Qilu.Sharing.Applications;

/// <summary>
/// POST /api/sharing/applications: a consumer unit applies for fields of a published catalog entry (供需对接). Unknown
/// fields are a 400 naming them; 不予共享 entries are refused; 无条件共享 entries are granted at once; 有条件共享
/// entries go to the big-data bureau's conformity review with a deadline, then to the provider's approval levels
/// (two levels for L4 and above, one otherwise).
/// </summary>
internal static class ApplyForResource
{
    public sealed record Request(Guid? EntryId, string? Purpose, string? LegalBasis, string? Scenario, string[]? Fields, int? CallsPerDay,
        DateOnly? PeriodFrom, DateOnly? PeriodTo, string? RowScope, string[]? ClientIds = null);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/applications", EndpointAsync).RequirePermission(SharingPermissions.ApplicationsApply)
        .WithName("ApplyForSharing").WithSummary("提交共享申请 / Apply for a resource").Produces<ApplicationView>(StatusCodes.Status201Created).ProducesValidationProblem();

    private static async Task<IResult> EndpointAsync(Request request, HttpContext ctx, ActorAccessor actors, SharingServices s) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), request, s, ctx.RequestAborted), a => $"/api/sharing/applications/{a.Id}");

    internal static async Task<Result<ApplicationView>> HandleAsync(Actor actor, Request request, SharingServices s, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, SharingPermissions.ApplicationsApply) is { } denied) return Outcomes.Denied<ApplicationView>(denied);
        var unit = await GrantAccess.UnitOfAsync(actor, s.Directory, ct);
        if (unit is null) return Outcomes.Forbidden<ApplicationView>("unit.required", "须以所在单位身份提交申请", "Apply on behalf of your unit");
        var now = s.Clock.GetUtcNow();
        var today = WorkingCalendar.ChinaDate(now);
        var v = new Validation()
            .Required("purpose", request.Purpose, "用途").MaxLength("purpose", request.Purpose, 1000, "用途")
            .Required("legalBasis", request.LegalBasis, "依据").MaxLength("legalBasis", request.LegalBasis, 1000, "依据")
            .Required("scenario", request.Scenario, "应用场景").MaxLength("scenario", request.Scenario, 1000, "应用场景")
            .Rule(request.EntryId is not null, "entryId", "required", "须选择数据目录", "entryId is required")
            .Rule(request.Fields is { Length: > 0 }, "fields", "required", "至少申请一个信息项", "Apply for at least one field")
            .Rule(request.CallsPerDay is > 0 and <= 10_000_000, "callsPerDay", "calls.range", "预计日调用量须为 1–10,000,000", "callsPerDay must be 1–10,000,000")
            .Rule(request.PeriodFrom is not null && request.PeriodTo is not null, "periodTo", "required", "须填写使用期限", "The period is required")
            .Rule(request.RowScope is null || GrantIssuer.IsDivisionPrefix(request.RowScope), "rowScope", "row_scope.format", "行范围须为2–12位行政区划代码前缀", "rowScope must be a 2–12 digit division prefix");
        if (request.PeriodFrom is { } pf && request.PeriodTo is { } pt)
        {
            v.Rule(pf <= pt, "periodTo", "period.order", "使用期限的结束日期不能早于开始日期", "The period ends before it starts");
            v.Rule(pt >= today, "periodTo", "period.past", "使用期限已过", "The period lies in the past");
            v.Rule(pt.DayNumber - pf.DayNumber <= 3 * 366, "periodTo", "period.too_long", "使用期限不超过三年", "The period is at most three years");
        }
        if (!v.IsValid) return v.Invalid<ApplicationView>();
        var entry = await s.Catalog.FindPublishedEntryAsync(request.EntryId!.Value, ct);
        if (entry is null) return Outcomes.NotFound<ApplicationView>("已发布的数据目录", "Published catalog entry");
        if (entry.ShareType == ShareType.NotShared)
            return Outcomes.Forbidden<ApplicationView>("entry.not_shared", $"该目录为不予共享（{entry.LegalBasis}），不受理共享申请", $"The entry is not shared ({entry.LegalBasis})");
        if (entry.ProviderUnitId == unit.Id)
            return Outcomes.Invalid<ApplicationView>("application.own_entry", "本单位的目录无需申请", "Your unit provides this entry itself", "entryId");
        var fields = request.Fields!.Select(f => f.Trim()).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var unknown = fields.Where(f => entry.Items.All(i => i.Name != f)).ToList();
        if (unknown.Count > 0)
            return Outcomes.Invalid<ApplicationView>("fields.unknown", $"目录中没有这些信息项：{string.Join("、", unknown)}", $"The entry has no fields named: {string.Join(", ", unknown)}", "fields");

        var systems = await CallingSystems.CheckAsync(s.Systems, unit.Id, request.ClientIds ?? [], ct);
        if (!systems.IsSuccess) return Result<ApplicationView>.Failure(systems.Errors, systems.Kind);

        var application = new SharingApplication
        {
            Number = $"SQ{today:yyyyMMdd}{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}",
            ConsumerUnitId = unit.Id, ConsumerName = unit.Name, ConsumerDivision = unit.DivisionCode, ApplicantId = actor.SubjectId, ApplicantName = actor.DisplayName,
            EntryId = entry.Id, EntryCode = entry.Code, EntryName = entry.Name, ProviderUnitId = entry.ProviderUnitId, ProviderName = entry.ProviderName,
            ProviderDivision = entry.ProviderDivisionCode, ShareType = entry.ShareType, Grade = entry.Grade, Purpose = request.Purpose!.Trim(),
            LegalBasis = request.LegalBasis!.Trim(), Scenario = request.Scenario!.Trim(), Fields = string.Join('\n', fields), CallsPerDay = request.CallsPerDay!.Value,
            PeriodFrom = request.PeriodFrom!.Value, PeriodTo = request.PeriodTo!.Value, RowScope = request.RowScope, ClientIds = systems.Value, CreatedAt = now,
            ProviderLevels = await ApprovalPolicy.LevelsForAsync(s.Db, entry.ProviderUnitId, entry.Grade, ct),
        };
        if (entry.ShareType == ShareType.Unconditional)
        {
            application.Status = ApplicationStatus.Granted;
            application.Stage = application.ProviderLevels;
            application.DecidedAt = now;
            var grant = await s.Issuer.IssueAsync(application, null, now, ct);
            if (!grant.IsSuccess) return Result<ApplicationView>.Failure(grant.Errors, grant.Kind);
            application.GrantId = grant.Value.Id;
            s.Db.Grants.Add(grant.Value);
        }
        else
        {
            application.Status = ApplicationStatus.Conformity;
            application.DueAt = s.Deadlines.ConformityDue(now);
        }
        s.Db.Applications.Add(application);
        await s.Db.SaveChangesAsync(ct);
        await s.Audit.WriteAsync("sharing.applications.submitted", "application", application.Id.ToString(), actor,
            new { application.Number, application.EntryCode, fields, status = application.Status.ToString(), application.GrantId }, ct: ct);
        return ApplicationView.Of(application, now, s.Deadlines);
    }
}
