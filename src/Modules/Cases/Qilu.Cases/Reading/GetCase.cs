using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Cases.Data;
using Qilu.Cases.Handling;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Workflow.Contracts;

namespace Qilu.Cases.Reading;

/// <summary>
/// GET /api/cases/{id}: a case with its timeline, form, materials (with where each came from), sub-cases and the
/// actions the caller may take now. Readable by the applicant, the responsible unit and supervisors of its division
/// subtree; 404 for anyone else.
/// </summary>
internal static class GetCase
{
    public sealed record Entry(DateTimeOffset At, string Action, string Title, string ActorName, string? Note);

    public sealed record Summary(Guid Id, string Number, string Kind, string Title, string? MatterCode, string? BundleCode, string Status, string StatusName,
        string? UnitName, string? UnitDivision, DateTimeOffset SubmittedAt, DateTimeOffset? DueAt, bool Overdue, string? Decision, string? Reason);

    public sealed record Detail(Summary Case, string ApplicantName, JsonNode? Form, JsonNode? Materials, JsonNode? Sources, string? CorrectionNote,
        int FieldsTotal, int FieldsPrefilled, int MaterialsTotal, int MaterialsExempted, bool ConsentGiven,
        IReadOnlyList<Entry> Timeline, IReadOnlyList<Summary> SubCases, string? Explanation, IReadOnlyList<string> AllowedActions, uint Version);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/{id:guid}", async (Guid id, HttpContext ctx, ActorAccessor actors, CasesDbContext db, IWorkflowEngine engine, TimeProvider clock) =>
            Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, db, engine, clock, ctx.RequestAborted)))
        .RequireAuthorization()
        .WithName("GetCase").WithSummary("办件详情 / Case detail").Produces<Detail>();

    internal static async Task<Result<Detail>> HandleAsync(Actor actor, Guid id, CasesDbContext db, IWorkflowEngine engine, TimeProvider clock, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Outcomes.NotFound<Detail>("办件", "Case");
        var children = c.Kind == CaseKind.Bundle ? await db.Cases.AsNoTracking().Where(x => x.ParentId == c.Id).OrderBy(x => x.Number).ToListAsync(ct) : [];
        if (!CaseScope.CanRead(actor, c, children)) return Outcomes.NotFound<Detail>("办件", "Case");
        var ids = children.Select(x => x.Id).Append(c.Id).ToList();
        var entries = await db.Entries.AsNoTracking().Where(e => ids.Contains(e.CaseId)).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var numbers = children.ToDictionary(x => x.Id, x => x.Title);
        var now = clock.GetUtcNow();
        var allowed = await CaseActions.AllowedAsync(actor, c, engine, ct);
        var personal = CaseScope.IsApplicant(actor, c) || CaseScope.IsHandler(actor, c) || children.Any(ch => CaseScope.IsHandler(actor, ch));
        return new Detail(SummaryOf(c, now), c.ApplicantName,
            personal ? JsonNode.Parse(c.FormJson) : null, JsonNode.Parse(c.MaterialsJson), JsonNode.Parse(c.SourcesJson), c.CorrectionNote,
            c.FieldsTotal, c.FieldsPrefilled, c.MaterialsTotal, c.MaterialsExempted, c.ConsentGiven,
            [.. entries.Select(e => new Entry(e.At, e.Action, numbers.TryGetValue(e.CaseId, out var t) ? $"{t}：{e.Title}" : e.Title, e.ActorName, e.Note))],
            [.. children.Select(x => SummaryOf(x, now))], c.Kind == CaseKind.Bundle ? Explain(children) : null, allowed, c.Version);
    }

    public static Summary SummaryOf(Case c, DateTimeOffset now) => new(c.Id, c.Number, c.Kind.ToString().ToLowerInvariant(), c.Title, c.MatterCode, c.BundleCode,
        CaseStatuses.Code(c.Status), CaseStatuses.Zh(c.Status), c.UnitName, c.UnitDivision, c.SubmittedAt, c.DueAt,
        CaseStatuses.IsOpen(c.Status) && c.Status != CaseStatus.CorrectionRequested && c.DueAt < now, c.Decision, c.Reason);

    /// <summary>What a bundle's applicant is told: which members are done, in progress, or failed and why.</summary>
    public static string Explain(IReadOnlyList<Case> children)
    {
        var done = children.Where(x => CaseStatuses.IsDecided(x.Status) && x.Decision != "denied").ToList();
        var failed = children.Where(x => x.Status is CaseStatus.Refused or CaseStatus.Withdrawn || x.Decision == "denied").ToList();
        var open = children.Count - done.Count - failed.Count;
        var parts = new List<string> { $"共 {children.Count} 个事项：{done.Count} 个已办结，{open} 个办理中，{failed.Count} 个未获办理" };
        parts.AddRange(failed.Select(x => $"“{x.Title}”（{x.UnitName}）{(x.Status == CaseStatus.Withdrawn ? "已撤回" : x.Status == CaseStatus.Refused ? "不予受理" : "不予批准")}" +
            (x.Reason is { Length: > 0 } r ? $"，理由：{r}" : "") + "；其余事项不受影响，继续办理。您可在补齐条件后单独重新申请该事项。"));
        return string.Join("。", parts);
    }
}
