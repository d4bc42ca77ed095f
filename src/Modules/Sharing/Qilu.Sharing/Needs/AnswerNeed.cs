using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.SharedKernel.Time;
using Qilu.Sharing.Applications;
using Qilu.Sharing.Contracts;
using Qilu.Sharing.Grants;

namespace Qilu.Sharing.Needs;

/// <summary>
/// POST /api/sharing/needs/{id}/answers {version, kind: reply|link|plan, text, entryId?, plannedBy?}: a providing unit
/// answers a need — a reply, a link to one of its published catalog entries (the need becomes 已对接), or a plan to
/// catalog one by a date (已列入编目计划). A link outranks a plan, a plan a reply.
/// </summary>
internal static class AnswerNeed
{
    public sealed record Request(uint Version, string? Kind, string? Text, Guid? EntryId, DateOnly? PlannedBy);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/needs/{id:guid}/answers", EndpointAsync).RequirePermission(SharingPermissions.NeedsAnswer)
        .WithName("AnswerDataNeed").WithSummary("响应数据需求 / Answer a data need").Produces<NeedView>().ProducesValidationProblem();

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, SharingServices s) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, request, s, ctx.RequestAborted));

    internal static async Task<Result<NeedView>> HandleAsync(Actor actor, Guid id, Request request, SharingServices s, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, SharingPermissions.NeedsAnswer) is { } denied) return Outcomes.Denied<NeedView>(denied);
        var unit = await GrantAccess.UnitOfAsync(actor, s.Directory, ct);
        if (unit is null) return Outcomes.Forbidden<NeedView>("unit.required", "须以所在单位身份响应需求", "Answer on behalf of your unit");
        var now = s.Clock.GetUtcNow();
        var v = new Validation()
            .Rule(request.Kind is "reply" or "link" or "plan", "kind", "kind.invalid", "响应方式须为 reply、link 或 plan", "kind must be reply, link or plan")
            .Required("text", request.Text, "答复内容").MaxLength("text", request.Text, 2000, "答复内容")
            .Rule(request.Kind != "link" || request.EntryId is not null, "entryId", "required", "关联目录须指定目录", "entryId is required to link")
            .Rule(request.Kind != "plan" || request.PlannedBy is { } p && p >= WorkingCalendar.ChinaDate(now), "plannedBy", "planned_by.invalid",
                "编目计划须给出不早于今天的完成日期", "A plan needs a completion date not in the past");
        if (!v.IsValid) return v.Invalid<NeedView>();
        var need = await s.Db.Needs.Include(n => n.Answers).FirstOrDefaultAsync(n => n.Id == id, ct);
        if (need is null) return Outcomes.NotFound<NeedView>("数据需求", "Data need");
        if (need.Status == NeedStatus.Closed) return Outcomes.Conflict<NeedView>("need.closed", "需求已关闭", "The need is closed");
        if (need.Version != request.Version) return Outcomes.Stale<NeedView>(request.Version, need.Version);
        string? entryCode = null;
        if (request.Kind == "link")
        {
            var entry = await s.Catalog.FindPublishedEntryAsync(request.EntryId!.Value, ct);
            if (entry is null || entry.ProviderUnitId != unit.Id)
                return Outcomes.Invalid<NeedView>("entry.not_own_published", "只能关联本单位已发布的目录", "Link only a published entry of your own unit", "entryId");
            entryCode = entry.Code;
        }
        need.Answers.Add(new NeedAnswer
        {
            NeedId = need.Id, ProviderUnitId = unit.Id, ProviderName = unit.Name, Kind = request.Kind!, Text = request.Text!.Trim(), EntryId = request.EntryId,
            EntryCode = entryCode, PlannedBy = request.Kind == "plan" ? request.PlannedBy : null, AnsweredBy = actor.DisplayName, At = now,
        });
        var status = request.Kind switch { "link" => NeedStatus.Linked, "plan" => NeedStatus.Planned, _ => NeedStatus.Answered };
        if (Rank(status) > Rank(need.Status)) need.Status = status;
        need.AnsweredAt ??= now;
        s.Db.Entry(need).State = EntityState.Modified;
        try
        {
            await s.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcomes.Stale<NeedView>(request.Version, request.Version + 1);
        }
        await s.Audit.WriteAsync("sharing.needs.answered", "need", need.Id.ToString(), actor, new { request.Kind, entryCode }, ct: ct);
        return NeedView.Of(need);
    }

    private static int Rank(NeedStatus s) => s switch { NeedStatus.Open => 0, NeedStatus.Answered => 1, NeedStatus.Planned => 2, NeedStatus.Linked => 3, _ => 4 };
}
