namespace Qilu.Host;

/// <summary>
/// Runs before the server accepts requests (hosted services start before the web server): module initialisers
/// (migrations, keys) and, in demo mode on first run, the demo province.
/// </summary>
internal sealed class PlatformStartup(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        QiluApp.PrepareAsync(services, configuration.GetValue("Qilu:Demo:Enabled", true), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
