namespace Qilu.Host;

/// <summary>
/// Runs before the server accepts requests (hosted services start in registration order, before the web server):
/// every module initialiser (key store, migrations, reference data). Registered before the audit log's hosted
/// service, whose migrations and key it needs in place.
/// </summary>
internal sealed class PlatformStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => QiluApp.InitializeModulesAsync(services, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// In demo mode on first run, seeds the demo province. Registered after the audit log's hosted service, so seeders
/// may audit what they create (the audit writer is running), and before the modules' background services.
/// </summary>
internal sealed class DemoStartup(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        configuration.GetValue("Qilu:Demo:Enabled", true) ? QiluApp.SeedDemoAsync(services, cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
