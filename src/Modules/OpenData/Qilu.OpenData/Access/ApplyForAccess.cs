using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.OpenData.Data;
using Qilu.OpenData.Datasets;
using Qilu.OpenData.UseCases;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.SharedKernel.Time;

namespace Qilu.OpenData.Access;

/// <summary>
/// POST /api/opendata/datasets/{name}/applications: a signed-in citizen or enterprise agent applies for a 有条件开放
/// dataset with its purpose, scenario and the fields it needs (none listed: all published fields); the provider must
/// answer within 10 working days.
/// </summary>
internal static class ApplyForAccess
{
    public const int AnswerWorkingDays = 10;

    public sealed record Request(string? Purpose, string? Scenario, IReadOnlyList<string>? Fields = null);

    public sealed record Response(Guid Id, string Dataset, ApplicationStatus Status, DateTimeOffset DueAt, uint Version);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/datasets/{name}/applications", EndpointAsync)
        .RequireAuthorization().WithName("ApplyForOpenData").WithSummary("申请有条件开放数据 / Apply for conditional data").Produces<Response>(201);

    private static async Task<IResult> EndpointAsync(string name, Request request, HttpContext ctx, ActorAccessor actors, OpenDataDbContext db,
        TimeProvider clock, IWorkingCalendarSource calendars, OpenDataAudit audit) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), name, request, db, clock, calendars.Current, audit, ctx.RequestAborted), r => $"/api/opendata/applications/{r.Id}");

    internal static async Task<Result<Response>> HandleAsync(Actor actor, string name, Request request, OpenDataDbContext db, TimeProvider clock,
        WorkingCalendar calendar, OpenDataAudit audit, CancellationToken ct)
    {
        if (actor.Kind is not (ActorKind.Citizen or ActorKind.EnterpriseAgent))
            return Outcomes.Forbidden<Response>("opendata.apply.citizens_only", "只有登录的自然人或企业可以申请", "Only signed-in citizens and enterprises may apply");
        var dataset = await db.Datasets.FirstOrDefaultAsync(d => d.Name == name && d.State == DatasetState.Published, ct);
        if (dataset is null) return Outcomes.NotFound<Response>("数据集", "Dataset");
        if (dataset.OpenType != OpenType.Conditional)
            return Outcomes.Conflict<Response>("opendata.apply.not_conditional", "该数据集无条件开放，无需申请", "This dataset is open without conditions; no application needed");
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(request.Purpose) || request.Purpose.Trim().Length is < 10 or > 1000)
            errors.Add(new Error("opendata.apply.purpose", "请说明用途（10–1000字）", "State the purpose (10–1000 characters)", "purpose"));
        if (string.IsNullOrWhiteSpace(request.Scenario) || request.Scenario.Trim().Length is < 10 or > 1000)
            errors.Add(new Error("opendata.apply.scenario", "请说明应用场景（10–1000字）", "Describe the scenario (10–1000 characters)", "scenario"));
        var published = dataset.Fields.Where(f => f.Visible).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var fields = (request.Fields ?? []).Select(f => f.Trim()).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        foreach (var unknown in fields.Where(f => !published.Contains(f)))
            errors.Add(new Error("opendata.apply.field_unknown", $"数据集没有开放字段「{unknown}」", $"The dataset publishes no field \"{unknown}\"", "fields"));
        if (errors.Count > 0) return Result<Response>.Failure(errors, ErrorKind.Validation);
        // Asking for every field is the same as asking for none: store it as "all" so later-added fields follow.
        if (fields.Count == published.Count) fields = [];
        if (await db.Applications.AnyAsync(a => a.DatasetId == dataset.Id && a.ApplicantId == actor.SubjectId && a.Status == ApplicationStatus.Pending, ct))
            return Outcomes.Conflict<Response>("opendata.apply.pending", "您已有待审核的申请", "You already have a pending application for this dataset");
        var now = clock.GetUtcNow();
        var app = new AccessApplication
        {
            DatasetId = dataset.Id, ProviderUnitId = dataset.PublisherUnitId, ApplicantId = actor.SubjectId, ApplicantName = actor.DisplayName,
            EnterpriseCreditCode = actor.EnterpriseCreditCode, Purpose = request.Purpose!.Trim(), Scenario = request.Scenario!.Trim(), SubmittedAt = now,
            FieldsText = string.Join('|', fields),
            DueAt = calendar.DeadlineAfterWorkingDays(now, AnswerWorkingDays),
        };
        db.Applications.Add(app);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("opendata.applications.submitted", "application", app.Id.ToString(), actor, new { dataset = dataset.Name, fields }, ct);
        return new Response(app.Id, dataset.Name, app.Status, app.DueAt, app.Version);
    }
}
