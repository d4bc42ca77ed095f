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

    public SqlCounter() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    public long Commands => Interlocked.Read(ref _commands);

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name != "Microsoft.EntityFrameworkCore") return;
        lock (_subscriptions) _subscriptions.Add(value.Subscribe(this, name => name == Executing));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == Executing) Interlocked.Increment(ref _commands);
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
