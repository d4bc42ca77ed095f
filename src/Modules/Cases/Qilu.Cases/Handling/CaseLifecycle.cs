using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qilu.Cases.Catalog;
using Qilu.Cases.Contracts;
using Qilu.Cases.Data;
using Qilu.Identity.Contracts;
using Qilu.Platform.Audit;
using Qilu.Platform.Events;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Contracts;
using Qilu.Workflow.Contracts;

namespace Qilu.Cases.Handling;

/// <summary>
/// Runs a case on its workflow instance and keeps the case's projection (status, deadline, decision) equal to the
/// instance after every transition. The projection is a function of the instance's latest version, so it converges
/// whatever the order of concurrent requests: an older view never overwrites a newer one. Events (status changed,
/// licence to issue) are published through the module's outbox in the same transaction as the projection.
/// </summary>
internal sealed class CaseLifecycle(CasesDbContext db, IWorkflowEngine engine, IAuditWriter audit, TimeProvider clock, IPersonDirectory people)
{
    /// <summary>Starts the case's instance (idempotent per case number) and projects it.</summary>
    public async Task<Result<Case>> StartAsync(Case c, JsonObject form, Actor actor, CancellationToken ct)
    {
        var variables = new JsonObject
        {
            ["caseId"] = c.Id.ToString(), ["caseNumber"] = c.Number, ["matterCode"] = c.MatterCode,
            ["unitId"] = c.UnitId?.ToString(), ["unitKind"] = c.UnitKind, ["unitDivision"] = c.UnitDivision,
            ["applicantDivision"] = c.DivisionCode, ["form"] = form.DeepClone(),
        };
        var started = await engine.StartAsync(c.WorkflowKey!, c.Number, variables, actor, ct);
        if (!started.IsSuccess) return Result<Case>.Failure(started.Errors, started.Kind);
        await ProjectAsync(c.Id, actor, ct, started.Value.Id);
        return c;
    }

    /// <summary>Writes a timeline line and an audit entry for an action on a case.</summary>
    public async Task RecordAsync(Case c, string action, string title, Actor actor, string? note, CancellationToken ct)
    {
        db.Entries.Add(new CaseEntry
        {
            CaseId = c.Id, At = clock.GetUtcNow(), Action = action, Title = title, ActorId = actor.SubjectId,
            ActorName = actor.DisplayName.Length > 64 ? actor.DisplayName[..64] : actor.DisplayName, Note = note,
        });
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEvent($"cases.case.{action}", "case", c.Number, "success", actor,
            new { c.Number, c.MatterCode, c.BundleCode, note }, TraceId: Activity.Current?.TraceId.ToString()), ct);
    }

    /// <summary>Re-reads the case's instance and projects it onto the case (and its bundle parent).</summary>
    public async Task ProjectAsync(Guid caseId, Actor actor, CancellationToken ct, Guid? startedInstance = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var c = await db.Cases.SingleAsync(x => x.Id == caseId, ct);
            if (c.Kind == CaseKind.Bundle) return;
            var instance = (c.InstanceId ?? startedInstance) is { } id ? await engine.GetInstanceAsync(id, ct) : NotStarted(c);
            if (!instance.IsSuccess) return;
            var view = instance.Value;
            if (c.InstanceId is not null && view.Version < c.InstanceVersion) return;
            if (Apply(c, view)) await PublishLicenceAsync(c, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                // Another request projected meanwhile; recompute from the newest instance.
            }
        }
        var saved = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == caseId, ct);
        if (saved.ParentId is { } parent) await JoinParentAsync(parent, ct);
    }

    private static Result<InstanceView> NotStarted(Case c) =>
        Result<InstanceView>.Failure(new Error("not_started", $"办件 {c.Number} 的流程尚未启动", "The case's process has not started"), ErrorKind.NotFound);

    /// <summary>Projects the instance onto the case; true when the case now asks for its result certificate.</summary>
    private bool Apply(Case c, InstanceView view)
    {
        var before = c.Status;
        c.InstanceId = view.Id;
        c.InstanceVersion = view.Version;
        var vars = view.Variables;
        var status = StatusOf(view);
        c.Status = status;
        // While suspended the engine has no deadline (the clock is stopped); the last one stays shown until it resumes.
        if (view.DueAt is { } due) c.DueAt = due;
        c.Decision = Text(vars, "decision") ?? c.Decision;
        c.Reason = Text(vars, "reason") ?? c.Reason;
        var now = clock.GetUtcNow();
        if (CaseStatuses.IsDecided(status) && c.DecidedAt is null) c.DecidedAt = now;
        if (CaseStatuses.IsFinal(status) && c.ClosedAt is null) c.ClosedAt = now;
        if (status != before) Publish(c);
        if (!CaseStatuses.IsDecided(status) || c.Decision != "approved" || c.LicenceType is null || c.LicencePublished) return false;
        c.LicencePublished = true;
        return true;
    }

    /// <summary>
    /// Publishes, once per case, <see cref="CaseConcludedWithLicence"/> for whoever follows cases and the Trust module's own
    /// <see cref="CertificateIssueRequested"/> (request id = case id, so Trust issues at most one certificate per case
    /// however often it is delivered). Cases depends on Trust's contracts, not the other way round: the module graph
    /// stays acyclic while Cases also listens to Trust's <see cref="CertificateIssued"/> for proactive offers (ADR 0013).
    /// </summary>
    private async Task PublishLicenceAsync(Case c, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var result = ResultCertificates.For(c.MatterCode ?? "");
        if (result is null) return;
        var form = JsonNode.Parse(c.FormJson) as JsonObject ?? [];
        var elements = JsonSerializer.Deserialize<Dictionary<string, string>>(c.SourcesJson is { Length: > 2 } ? ElementsOf(c) : "{}") ?? [];
        string? ByElement(string? element)
        {
            if (element is null) return null;
            var key = elements.FirstOrDefault(e => e.Value == element).Key ?? element;
            return form[key] is JsonValue v ? v.ToString() : null;
        }
        var holderName = ByElement(result.HolderNameElement) ?? c.ApplicantName;
        // The holder is the applicant unless the result names someone else; the applicant's identifier comes from their own account.
        var holderId = result.HolderIdElement == ResultCertificates.NewCreditCode ? ResultCertificates.CreditCodeFor(c.Id, c.UnitDivision ?? c.DivisionCode)
            : ByElement(result.HolderIdElement) ?? (result.HolderIdElement is null ? ByElement("公民身份号码") ?? await people.FindIdNumberAsync(c.ApplicantId, ct) : null) ?? "";
        var holderType = result.HolderIdElement is "统一社会信用代码" or ResultCertificates.NewCreditCode ? "统一社会信用代码" : "身份证";
        var fields = form.Where(p => p.Value is JsonValue).ToDictionary(p => elements.GetValueOrDefault(p.Key) ?? p.Key, p => p.Value!.ToString());
        db.Publish(new CaseConcludedWithLicence(c.Id, c.Number, c.MatterCode ?? "", c.Title, holderName, holderType, holderId, c.ApplicantId,
            c.LicenceType!, result.Name, c.UnitId ?? Guid.Empty, c.UnitName ?? "", c.UnitCreditCode ?? "", fields) { OccurredAt = now });
        db.Publish(new CertificateIssueRequested(c.Id, c.UnitId ?? Guid.Empty, c.LicenceType!, holderName, holderId, null,
            ResultCertificates.FieldsOf(result, ByElement, c.Id, c.DecidedAt ?? now)) { OccurredAt = now });
    }

    private void Publish(Case c) => db.Publish(new CaseStatusChanged(c.Id, c.Number, c.ApplicantId, CaseStatuses.Code(c.Status), CaseStatuses.Zh(c.Status))
    {
        OccurredAt = clock.GetUtcNow(),
    });

    /// <summary>The status an instance stands for: the node where its token waits, or how it ended.</summary>
    public static CaseStatus StatusOf(InstanceView view) => view.State switch
    {
        InstanceState.Cancelled => CaseStatus.Withdrawn,
        InstanceState.Completed => view.Variables["refused"] is JsonValue r && r.GetValueKind() == JsonValueKind.True ? CaseStatus.Refused : CaseStatus.Delivered,
        InstanceState.Suspended => CaseStatus.CorrectionRequested,
        _ => view.ActiveNodes.Contains("accept") ? CaseStatus.Submitted
            : view.ActiveNodes.Contains("review") ? CaseStatus.UnderReview
            : view.ActiveNodes.Contains("decide") ? CaseStatus.Deciding
            : CaseStatus.Concluded,
    };

    private static string? Text(JsonObject vars, string name) =>
        vars[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static string ElementsOf(Case c)
    {
        // SourcesJson: { "fields": { key: { "element": ..., "source": ... } } }
        var root = JsonNode.Parse(c.SourcesJson) as JsonObject;
        var map = new JsonObject();
        if (root?["fields"] is JsonObject fields)
            foreach (var (k, v) in fields)
                if (v?["element"] is JsonValue e) map[k] = e.ToString();
        return map.ToJsonString();
    }

    /// <summary>
    /// Joins a bundle parent's status from its sub-cases: the earliest open stage while any is open, else 送达 when
    /// all were delivered, 不予受理/撤回 when none succeeded, 部分办结 when some succeeded and some were refused. The
    /// parent's deadline is the latest sub-case's.
    /// </summary>
    public async Task JoinParentAsync(Guid parentId, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var parent = await db.Cases.SingleAsync(x => x.Id == parentId, ct);
            var children = await db.Cases.AsNoTracking().Where(x => x.ParentId == parentId).ToListAsync(ct);
            var before = parent.Status;
            parent.Status = Join(children.Select(ch => ch.Status).ToList());
            parent.DueAt = children.Max(ch => ch.DueAt);
            if (CaseStatuses.IsDecided(parent.Status) || parent.Status == CaseStatus.PartiallyConcluded) parent.DecidedAt ??= clock.GetUtcNow();
            if (CaseStatuses.IsFinal(parent.Status)) parent.ClosedAt ??= clock.GetUtcNow();
            if (parent.Status != before) Publish(parent);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                // A sibling projected at the same time; join again on fresh rows.
            }
        }
    }

    public static CaseStatus Join(IReadOnlyList<CaseStatus> children)
    {
        if (children.Count == 0) return CaseStatus.Submitted;
        foreach (var open in new[] { CaseStatus.CorrectionRequested, CaseStatus.Submitted, CaseStatus.UnderReview, CaseStatus.Deciding })
            if (children.Contains(open)) return open;
        if (children.All(s => s == CaseStatus.Withdrawn)) return CaseStatus.Withdrawn;
        if (children.All(s => s is CaseStatus.Refused or CaseStatus.Withdrawn)) return CaseStatus.Refused;
        if (children.Any(s => s is CaseStatus.Refused or CaseStatus.Withdrawn)) return CaseStatus.PartiallyConcluded;
        return children.Any(s => s == CaseStatus.Concluded) ? CaseStatus.Concluded : CaseStatus.Delivered;
    }
}
