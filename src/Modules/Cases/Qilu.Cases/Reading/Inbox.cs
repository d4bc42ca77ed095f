using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Cases.Contracts;
using Qilu.Cases.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.SharedKernel.Time;
using Qilu.Workflow.Contracts;

namespace Qilu.Cases.Reading;

/// <summary>
/// GET /api/cases/inbox?view=mine|unit|due-soon|overdue: the official's 待办 — tasks of their own unit (claimed by them,
/// all open ones, due within two working days, or overdue), each with its case.
/// </summary>
internal static class Inbox
{
    /// <summary>The most tasks one list returns.</summary>
    public const int Limit = 200;

    public sealed record Item(Guid TaskId, string Step, string? Assignee, DateTimeOffset? TaskDueAt, string WarningLevel, GetCase.Summary Case);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/inbox", async (string? view, HttpContext ctx, ActorAccessor actors, CasesDbContext db,
            IWorkflowEngine engine, TimeProvider clock) => Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), view, db, engine, clock, ctx.RequestAborted)))
        .RequirePermission(CasesPermissions.Handle)
        .WithName("CaseInbox").WithSummary("待办箱 / Official's inbox").Produces<IReadOnlyList<Item>>();

    internal static async Task<Result<IReadOnlyList<Item>>> HandleAsync(Actor actor, string? view, CasesDbContext db, IWorkflowEngine engine, TimeProvider clock,
        CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, CasesPermissions.Handle) is { } denied) return Outcomes.Denied<IReadOnlyList<Item>>(denied);
        if (actor.DepartmentId is not { } unit) return Result<IReadOnlyList<Item>>.Success([]);
        var now = clock.GetUtcNow();
        var query = new TaskQuery { UnitId = unit, Take = Limit };
        query = view switch
        {
            "mine" => query with { Assignee = actor.SubjectId },
            "due-soon" => query with { DueBefore = WorkingCalendar.StartOfChinaDay(new WorkingCalendar([]).AddWorkingDays(WorkingCalendar.ChinaDate(now), 2)) },
            "overdue" => query with { Overdue = true },
            null or "" or "unit" => query,
            _ => query with { Take = 0 },
        };
        if (query.Take == 0)
            return Result<IReadOnlyList<Item>>.Failure(new SharedKernel.Results.Error("view.unknown", "视图只能是 mine、unit、due-soon 或 overdue",
                "view is mine, unit, due-soon or overdue", "view"));
        var tasks = await engine.ListTasksAsync(query, ct);
        var numbers = tasks.Select(t => t.BusinessKey).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => numbers.Contains(c.Number) && c.UnitId == unit).ToDictionaryAsync(c => c.Number, ct);
        return Result<IReadOnlyList<Item>>.Success([.. tasks.Where(t => cases.ContainsKey(t.BusinessKey))
            .Select(t => new Item(t.Id, t.Name, t.Assignee, t.DueAt, t.WarningLevel.ToString(), GetCase.SummaryOf(cases[t.BusinessKey], now)))]);
    }
}
