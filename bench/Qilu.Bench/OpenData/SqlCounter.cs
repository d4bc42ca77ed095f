using System.Diagnostics;

namespace Qilu.Bench.OpenData;

/// <summary>
/// Counts the SQL commands EF Core executes in this process, from its DiagnosticListener
/// (<c>Microsoft.EntityFrameworkCore.Database.Command.CommandExecuting</c>), to show that a call's command count does
/// not grow with the rows it returns (no N+1). Raw ADO.NET commands (Catalog's row store) are not EF's and not counted.
/// </summary>
internal sealed class SqlCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string Executing = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuting";
    private readonly IDisposable _all;
    private readonly List<IDisposable> _subscriptions = [];
    private long _commands;
    private long _openData;

    public SqlCounter() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    public long Commands => Interlocked.Read(ref _commands);

    /// <summary>Commands issued by the OpenData module's DbContext only (background work of other modules — outboxes,
    /// audit checkpoints — runs in the same process and would blur <see cref="Commands"/>).</summary>
    public long OpenDataCommands => Interlocked.Read(ref _openData);

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name != "Microsoft.EntityFrameworkCore") return;
        lock (_subscriptions) _subscriptions.Add(value.Subscribe(this, name => name == Executing));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != Executing) return;
        Interlocked.Increment(ref _commands);
        if (value.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData { Context: Qilu.OpenData.Data.OpenDataDbContext })
            Interlocked.Increment(ref _openData);
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
    }
}
