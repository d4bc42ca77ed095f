namespace Qilu.Host;

/// <summary>
/// Runs a CLI verb inside the platform without serving HTTP: the background services (the audit log's writer and
/// checkpoint timer, start-up work) run as in <c>serve</c>, so an audited action by a verb is durable and checkpointed
/// when the verb ends; only the web server is left out.
/// </summary>
internal static class CliHost
{
    public static async Task<int> RunAsync(string[] args, Func<WebApplication, CancellationToken, Task<int>> verb, CancellationToken ct)
    {
        await using var app = QiluApp.Create(args);
        var services = app.Services.GetServices<IHostedService>()
            .Where(s => s.GetType().Name != "GenericWebHostService")
            .ToList();
        var started = new List<IHostedService>();
        try
        {
            foreach (var s in services)
            {
                await s.StartAsync(ct);
                started.Add(s);
            }
            return await verb(app, ct);
        }
        finally
        {
            started.Reverse();
            foreach (var s in started) await s.StopAsync(CancellationToken.None);
        }
    }
}
