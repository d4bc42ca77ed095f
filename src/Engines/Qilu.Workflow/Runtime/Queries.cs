using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.Data;

namespace Qilu.Workflow.Runtime;

/// <summary>
/// The engine's hot reads as compiled queries: every transition runs them, and a compiled query skips building,
/// funcletizing and hashing the expression tree for EF Core's query cache on each call. A compiled query is bound to
/// the model it first ran with (EF Core throws on another), so there is one set per model: SQLite and PostgreSQL
/// contexts have different models, and one process (the tests) may use both.
/// </summary>
internal sealed class Queries
{
    private static readonly ConcurrentDictionary<IModel, Queries> ByModel = new();

    /// <summary>The compiled queries for <paramref name="db"/>'s model.</summary>
    public static Queries For(WorkflowDbContext db) => ByModel.GetOrAdd(db.Model, static _ => new Queries());

    /// <summary>An instance with its tokens, tracked.</summary>
    public Func<WorkflowDbContext, Guid, CancellationToken, Task<ProcessInstance?>> Instance { get; } =
        EF.CompileAsyncQuery((WorkflowDbContext db, Guid id, CancellationToken ct) =>
            db.Instances.Include(i => i.Executions).SingleOrDefault(i => i.Id == id));

    /// <summary>An instance's open and claimed tasks, tracked.</summary>
    public Func<WorkflowDbContext, Guid, IAsyncEnumerable<WorkTask>> LiveTasks { get; } =
        EF.CompileAsyncQuery((WorkflowDbContext db, Guid instanceId) =>
            db.Tasks.Where(t => t.InstanceId == instanceId && (t.State == WorkTaskState.Open || t.State == WorkTaskState.Claimed)));

    /// <summary>
    /// A task together with the live tasks of its instance, tracked: one statement where a transition on a task used
    /// to read the task and then its instance's live tasks.
    /// </summary>
    public Func<WorkflowDbContext, Guid, IAsyncEnumerable<WorkTask>> TaskWithLiveSiblings { get; } =
        EF.CompileAsyncQuery((WorkflowDbContext db, Guid taskId) =>
            db.Tasks.Where(t => t.InstanceId == db.Tasks.Where(x => x.Id == taskId).Select(x => x.InstanceId).FirstOrDefault()
                && (t.Id == taskId || t.State == WorkTaskState.Open || t.State == WorkTaskState.Claimed)));

    /// <summary>An instance's pending and suspended timers, tracked.</summary>
    public Func<WorkflowDbContext, Guid, IAsyncEnumerable<WorkflowTimer>> ActiveTimers { get; } =
        EF.CompileAsyncQuery((WorkflowDbContext db, Guid instanceId) =>
            db.Timers.Where(t => t.InstanceId == instanceId && (t.State == TimerState.Pending || t.State == TimerState.Suspended)));
}
