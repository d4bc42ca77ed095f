using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Audit;
using Qilu.Platform.Persistence;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Workflow.Calendar;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.Data;
using Qilu.Workflow.Definitions;
using Qilu.Workflow.Events;

namespace Qilu.Workflow.Runtime;

/// <summary>
/// The engine. Each operation runs in a fresh scope (its own DbContext), so a lost optimistic-concurrency race can be
/// retried on fresh state: the retry re-checks the caller's expected version and the allowed actions, so of two
/// officials completing the same task one wins and the other gets a 409, while two officials completing different
/// branches of one instance both succeed.
/// </summary>
internal sealed partial class WorkflowEngine(IServiceScopeFactory scopes, TimeProvider clock, DefinitionCache definitions, CalendarProvider calendar,
    IWorkflowEventPublisher events, IAuditWriter audit, DatabaseConnection connection, SqliteGroupCommit groupCommit) : IWorkflowEngine
{
    private const int Attempts = 5;

    /// <summary>The actor timers act as.</summary>
    public static readonly Actor TimerActor = new(ActorKind.SystemClient, "system:workflow-timer", "工作流计时器", null, null,
        new HashSet<string>(), new HashSet<string>(), RealNameLevel.None);

    // ---- definitions -----------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<Error>> ValidateAsync(string definitionJson, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var (errors, _) = await ValidateCoreAsync(db, definitionJson, ct);
        return errors;
    }

    private static async Task<(IReadOnlyList<Error> Errors, ProcessDefinition? Definition)> ValidateCoreAsync(WorkflowDbContext db, string json, CancellationToken ct)
    {
        var parsed = DefinitionParser.Parse(json);
        if (!parsed.IsSuccess) return (parsed.Errors, null);
        var definition = parsed.Value;
        var errors = new List<Error>();
        var nodes = (JsonNode.Parse(json) as JsonObject)?["nodes"] as JsonArray;
        foreach (var node in definition.Nodes.Values.Where(n => n.CalledElement is not null))
        {
            if (node.CalledElement == definition.Key || await db.Definitions.AnyAsync(d => d.Key == node.CalledElement, ct)) continue;
            var index = nodes?.Select((n, i) => (n, i)).First(x => (string?)x.n?["id"] == node.Id).i ?? -1;
            errors.Add(DefinitionParser.Err("called_missing", $"$.nodes[{index}].calledElement",
                $"子流程“{node.CalledElement}”尚未部署", $"The called definition '{node.CalledElement}' is not deployed"));
        }
        return (errors, errors.Count == 0 ? definition : null);
    }

    public async Task<Result<DefinitionSummary>> DeployAsync(string definitionJson, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var (errors, definition) = await ValidateCoreAsync(db, definitionJson, ct);
        if (definition is null) return Result<DefinitionSummary>.Failure(errors);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(definitionJson)));
        var latest = await db.Definitions.AsNoTracking().Where(d => d.Key == definition.Key).OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
        if (latest is not null && latest.Hash == hash) return Summary(latest);
        var record = new DefinitionRecord
        {
            Id = Guid.CreateVersion7(), Key = definition.Key, Version = (latest?.Version ?? 0) + 1, Name = definition.Name, Json = definitionJson,
            Hash = hash, DeployedAt = clock.GetUtcNow(), DeployedBy = actor.SubjectId,
        };
        db.Definitions.Add(record);
        try
        {
            await SaveAsync(db, ct);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            return Result<DefinitionSummary>.Failure(new Error("workflow.definition.concurrent_deploy", "同一流程正在被另一次部署更新，请重试",
                "Another deployment of this key happened at the same time; retry"), ErrorKind.Conflict);
        }
        definitions.Add(record);
        await audit.WriteAsync(new AuditEvent("workflow.definition.deployed", "workflow_definition", $"{record.Key}@{record.Version}", "success", actor,
            new { record.Key, record.Version, hash }, TraceId: Activity.Current?.TraceId.ToString()), ct);
        return Summary(record);
    }

    public async Task<IReadOnlyList<DefinitionSummary>> ListDefinitionsAsync(string? key = null, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var query = db.Definitions.AsNoTracking();
        if (key is not null) query = query.Where(d => d.Key == key);
        var rows = await query.Select(d => new DefinitionRecord
        {
            Id = d.Id, Key = d.Key, Version = d.Version, Name = d.Name, DeployedAt = d.DeployedAt, DeployedBy = d.DeployedBy,
            Json = key == null ? "" : d.Json,
        }).ToListAsync(ct);
        var ordered = rows.OrderBy(d => d.Key, StringComparer.Ordinal).ThenByDescending(d => d.Version);
        return key is null
            ? [.. ordered.GroupBy(d => d.Key).Select(g => Summary(g.First(), withJson: false))]
            : [.. ordered.Select(d => Summary(d))];
    }

    private static DefinitionSummary Summary(DefinitionRecord d, bool withJson = true) =>
        new(d.Id, d.Key, d.Version, d.Name, d.DeployedAt, d.DeployedBy, withJson && d.Json.Length > 0 ? d.Json : null);

    // ---- instances -------------------------------------------------------------------------------------------

    public async Task<Result<InstanceView>> StartAsync(string definitionKey, string businessKey, JsonObject variables, Actor starter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(starter);
        if (string.IsNullOrWhiteSpace(businessKey) || businessKey.Length > 128)
            return Result<InstanceView>.Failure(new Error("workflow.business_key", "业务编号必须是 1–128 个字符", "businessKey must be 1–128 characters", "businessKey"));
        var result = await MutateAsync<InstanceView>(starter, async (s, ct) =>
        {
            // Idempotent start, checked in the operation's own context (no second scope for the common, new case).
            if (await FindByBusinessKeyAsync(s.Db, definitionKey, businessKey, ct) is { } existing) return Result<Func<InstanceView>>.Success(() => existing);
            var latest = await definitions.LatestAsync(s.Db, definitionKey, ct);
            if (latest is null)
                return Result<Func<InstanceView>>.Failure(new Error("not_found", $"流程“{definitionKey}”未部署", $"Process '{definitionKey}' is not deployed", "definitionKey"), ErrorKind.NotFound);
            var li = await s.StartInstanceAsync(latest.Value.Record, latest.Value.Definition, businessKey, (JsonObject)(variables ?? []).DeepClone(), null, null, null, ct);
            return Result<Func<InstanceView>>.Success(() => Views.Of(li.Instance));
        }, ct, uniqueViolationIsConflict: true);
        // Lost a race with a concurrent start of the same business key: answer with the winner's instance.
        if (!result.IsSuccess && result.Error.Code == "workflow.duplicate")
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await FindByBusinessKeyAsync(scope.ServiceProvider.GetRequiredService<WorkflowDbContext>(), definitionKey, businessKey, ct) is { } winner)
                return winner;
        }
        return result;
    }

    private static async Task<InstanceView?> FindByBusinessKeyAsync(WorkflowDbContext db, string definitionKey, string businessKey, CancellationToken ct)
    {
        var instance = await db.Instances.AsNoTracking().Include(i => i.Executions)
            .SingleOrDefaultAsync(i => i.DefinitionKey == definitionKey && i.BusinessKey == businessKey, ct);
        return instance is null ? null : Views.Of(instance, alreadyExisted: true);
    }

    public async Task<Result<InstanceView>> GetInstanceAsync(Guid instanceId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var instance = await db.Instances.AsNoTracking().Include(i => i.Executions).SingleOrDefaultAsync(i => i.Id == instanceId, ct);
        return instance is null ? NotFound<InstanceView>("流程实例", "Process instance") : Views.Of(instance);
    }

    public async Task<IReadOnlyList<InstanceView>> ListChildrenAsync(Guid instanceId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var children = await db.Instances.AsNoTracking().Include(i => i.Executions).Where(i => i.ParentInstanceId == instanceId).ToListAsync(ct);
        return [.. children.OrderBy(c => c.ParentItemIndex).Select(c => Views.Of(c))];
    }

    public async Task<IReadOnlyList<HistoryItem>> GetHistoryAsync(Guid instanceId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var rows = await db.History.AsNoTracking().Where(h => h.InstanceId == instanceId).ToListAsync(ct);
        return [.. rows.OrderBy(h => h.Sequence).Select(h => new HistoryItem(h.At, h.Action, h.NodeId, h.TaskId, h.ActorId, h.ActorName, h.Details))];
    }

    public Task<Result<InstanceView>> SuspendAsync(Guid instanceId, SuspensionKind kind, string reason, Actor actor, uint? expectedVersion = null, CancellationToken ct = default) =>
        InstanceActionAsync(instanceId, actor, expectedVersion, WorkflowActions.Suspend, (s, li, _) =>
        {
            s.Suspend(li, kind, reason ?? "");
            return Task.CompletedTask;
        }, ct);

    public Task<Result<InstanceView>> ResumeAsync(Guid instanceId, Actor actor, JsonObject? variables = null, uint? expectedVersion = null, CancellationToken ct = default) =>
        InstanceActionAsync(instanceId, actor, expectedVersion, WorkflowActions.Resume, (s, li, _) =>
        {
            s.Resume(li, variables);
            return Task.CompletedTask;
        }, ct);

    public Task<Result<InstanceView>> CancelAsync(Guid instanceId, string reason, Actor actor, uint? expectedVersion = null, CancellationToken ct = default) =>
        InstanceActionAsync(instanceId, actor, expectedVersion, WorkflowActions.Cancel, (s, li, ct) => s.CancelAsync(li, reason ?? "", ct), ct);

    public async Task<Result<IReadOnlyList<string>>> AllowedInstanceActionsAsync(Guid instanceId, Actor actor, CancellationToken ct = default)
    {
        var instance = await GetInstanceAsync(instanceId, ct);
        return instance.IsSuccess ? Result<IReadOnlyList<string>>.Success(AllowedOnInstance(instance.Value.State))
            : Result<IReadOnlyList<string>>.Failure(instance.Errors, instance.Kind);
    }

    internal static IReadOnlyList<string> AllowedOnInstance(InstanceState state) => state switch
    {
        InstanceState.Running => [WorkflowActions.Suspend, WorkflowActions.Cancel],
        InstanceState.Suspended => [WorkflowActions.Resume, WorkflowActions.Cancel],
        _ => [],
    };

    private Task<Result<InstanceView>> InstanceActionAsync(Guid instanceId, Actor actor, uint? expectedVersion, string action,
        Func<Session, Session.Loaded, CancellationToken, Task> apply, CancellationToken ct) =>
        MutateAsync<InstanceView>(actor, async (s, ct) =>
        {
            var li = await s.LoadAsync(instanceId, ct);
            if (li is null) return NotFound<Func<InstanceView>>("流程实例", "Process instance");
            var allowed = AllowedOnInstance(li.Instance.State);
            if (expectedVersion is { } v && v != li.Instance.Version) return Stale<Func<InstanceView>>(action, allowed);
            if (!allowed.Contains(action))
                return NotAllowed<Func<InstanceView>>(action, $"流程实例处于{li.Instance.State}状态", $"the instance is {li.Instance.State}", allowed);
            await apply(s, li, ct);
            return Result<Func<InstanceView>>.Success(() => Views.Of(li.Instance));
        }, ct);

    // ---- shared machinery ------------------------------------------------------------------------------------

    private async Task<Result<T>> MutateAsync<T>(Actor actor, Func<Session, CancellationToken, Task<Result<Func<T>>>> body, CancellationToken ct,
        bool uniqueViolationIsConflict = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var session = NewSession(scope.ServiceProvider, actor);
            Result<Func<T>> result;
            // On SQLite the operation's reads share one connection opened here (EF Core would take one from the pool,
            // register its functions and return it for every query); it is closed before the save, because the group
            // commit writes the context through its own connection.
            var reader = connection.IsSqlite ? session.Db.Database : null;
            try
            {
                if (reader is not null) await reader.OpenConnectionAsync(ct);
                try
                {
                    result = await body(session, ct);
                }
                finally
                {
                    if (reader is not null) await reader.CloseConnectionAsync();
                }
                if (!result.IsSuccess) return Result<T>.Failure(result.Errors, result.Kind);
                // Nothing loaded or started (an idempotent start that found its instance): nothing to commit.
                if (!session.HasWork) return Result<T>.Success(result.Value());
                session.Finish();
                await SaveAsync(session.Db, ct);
            }
            catch (WorkflowRuntimeException e)
            {
                return Result<T>.Failure(e.Error, e.Kind);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                continue;
            }
            catch (DbUpdateConcurrencyException)
            {
                return Result<T>.Failure(new Error("workflow.concurrency", "流程实例正被同时修改，请刷新后重试",
                    "The instance is being changed concurrently; reload and retry"), ErrorKind.Conflict);
            }
            catch (DbUpdateException e) when (uniqueViolationIsConflict && IsUniqueViolation(e))
            {
                return Result<T>.Failure(new Error("workflow.duplicate", "业务编号已存在", "The business key already exists", "businessKey"), ErrorKind.Conflict);
            }
            await WriteAuditsAsync(session, ct);
            return Result<T>.Success(result.Value());
        }
    }

    internal Session NewSession(IServiceProvider services, Actor actor)
    {
        var db = services.GetRequiredService<WorkflowDbContext>();
        // A pooled context may come back with the rows of a unit of work that failed before its save.
        db.PendingHistory.Clear();
        db.PendingOutbox.Clear();
        return new(db, clock.GetUtcNow(), actor, calendar.Current, definitions, services.GetRequiredService<IWorkflowRuleEvaluator>(), events);
    }

    /// <summary>
    /// SQLite admits one writer per file: operations are queued to one writer that commits them in groups (one fsync per
    /// group, ADR 0014). PostgreSQL takes row locks and commits each operation on its own.
    /// </summary>
    internal async Task SaveAsync(WorkflowDbContext db, CancellationToken ct)
    {
        if (connection.IsSqlite)
        {
            await groupCommit.SaveAsync(db, ct);
            return;
        }
        db.History.AddRange(db.PendingHistory);
        db.AddRange(db.PendingOutbox);
        db.PendingHistory.Clear();
        db.PendingOutbox.Clear();
        await db.SaveChangesAsync(ct);
    }

    internal async Task WriteAuditsAsync(Session session, CancellationToken ct)
    {
        var trace = Activity.Current?.TraceId.ToString();
        await Task.WhenAll(session.Audits.Select(a => audit.WriteAsync(a with { TraceId = trace }, ct)));
    }

    internal static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19,
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    internal static Result<T> NotFound<T>(string what, string whatEn) =>
        Result<T>.Failure(new Error("not_found", $"{what}不存在", $"{whatEn} does not exist"), ErrorKind.NotFound);

    /// <summary>409: the action is not allowed now; the following errors list what is.</summary>
    internal static Result<T> NotAllowed<T>(string action, string whyZh, string whyEn, IReadOnlyList<string> allowed, string code = WorkflowActions.NotAllowedCode)
    {
        var list = allowed.Count == 0 ? "无" : string.Join("、", allowed);
        var listEn = allowed.Count == 0 ? "none" : string.Join(", ", allowed);
        return Result<T>.Failure([new Error(code, $"当前不能执行“{action}”：{whyZh}。可执行的操作：{list}",
            $"'{action}' is not allowed now: {whyEn}. Allowed actions: {listEn}"), .. allowed.Select(a => new Error(WorkflowActions.AllowedCode, a, a, a))], ErrorKind.Conflict);
    }

    internal static Result<T> Stale<T>(string action, IReadOnlyList<string> allowed) =>
        NotAllowed<T>(action, "数据已被他人修改（版本已过期），请刷新", "the version you acted on is stale (someone else changed it); reload", allowed, "workflow.stale_version");
}
