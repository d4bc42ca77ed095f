using Qilu.Platform.Audit;
using Qilu.Platform.Persistence;

namespace Qilu.Host;

/// <summary>
/// The start-up window (ADR 0020) on every SQLite file the host writes while it starts: the modules' file and, when
/// it is a file of its own (ADR 0004 addendum 1), the audit log's, whose migrations would otherwise commit in
/// rollback-journal mode with several fsyncs each. The audit writer keeps <c>synchronous=FULL</c> on its own
/// connection inside the window, as before.
/// </summary>
internal sealed class StartupWindow : IAsyncDisposable
{
    private readonly SqliteStartupWindow[] _windows;

    private StartupWindow(SqliteStartupWindow[] windows) => _windows = windows;

    public static async Task<StartupWindow> OpenAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<DatabaseConnection>();
        var audit = services.GetService<AuditLogDatabase>()?.Connection;
        var windows = new List<SqliteStartupWindow> { await SqliteStartupWindow.OpenAsync(db, ct) };
        if (audit is not null && audit != db) windows.Add(await SqliteStartupWindow.OpenAsync(audit, ct));
        return new StartupWindow([.. windows]);
    }

    /// <summary>Whether commits are relaxed in this window (at least one SQLite file).</summary>
    public bool IsRelaxed => _windows.Any(w => w.IsRelaxed);

    /// <summary>Closes every file's window: each makes the commits made in it durable.</summary>
    public async Task CloseAsync(CancellationToken ct)
    {
        foreach (var w in _windows) await w.CloseAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var w in _windows) await w.DisposeAsync();
    }
}
