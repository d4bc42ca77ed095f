using System.Diagnostics;
using Qilu.Host.Operations;
using Qilu.Platform.Audit;
using Qilu.Platform.Auth;
using Qilu.Platform.Audit.Checkpoints;
using Qilu.Platform.Audit.Http;
using Qilu.Platform.Hosting;
using Qilu.Platform.Modules;
using Qilu.Search;
using Qilu.Web;
using Qilu.Web.Components;

namespace Qilu.Host;

/// <summary>Composition root: builds the web application from the platform, the web shell and the enabled modules.</summary>
internal static class QiluApp
{
    /// <summary>Every module the host knows, in start-up order (each can be switched off in configuration).</summary>
    public static IQiluModule[] AllModules() =>
    [
        new Qilu.Identity.IdentityModule(),
        new Qilu.Workflow.WorkflowEngineModule(),
        new Qilu.Trust.TrustModule(),
        new Qilu.Catalog.CatalogModule(),
        new Qilu.Sharing.SharingModule(),
        new Qilu.Matters.MattersModule(),
        new Qilu.Cases.CasesModule(),
        new Qilu.Hotline.HotlineModule(),
        new Qilu.OpenData.OpenDataModule(),
        new Qilu.Notices.NoticesModule(),
    ];

    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        if (builder.Configuration["urls"] is null && builder.Configuration["ASPNETCORE_URLS"] is null)
            builder.WebHost.UseUrls("http://127.0.0.1:5080");
        // Static web assets (AntDesign's CSS/JS) are served from package folders outside Development too.
        builder.WebHost.UseStaticWebAssets();
        builder.AddQiluOperations();

        var dataDir = PlatformRegistration.DataDirectory(builder.Configuration, builder.Environment.ContentRootPath);
        var db = PlatformRegistration.ResolveDatabase(builder.Configuration, builder.Environment.ContentRootPath);
        // Start-up work (key store, migrations) runs before every other hosted service: hosted services start in the
        // order they are registered, and the platform registers ASP.NET's data-protection service, which reads its key
        // ring from the key store's table (on a fresh data directory it logged "no such table" before the migration),
        // and the audit log's writer and timer after it.
        builder.Services.AddHostedService<PlatformStartup>();
        builder.Services.AddQiluPlatform(builder.Configuration, db, dataDir);
        builder.Services.AddSingleton<ICheckpointSigner, KeyStoreCheckpointSigner>();
        builder.Services.AddSingleton<ICheckpointVerifierKeys, KeyStoreCheckpointVerifierKeys>();
        builder.Services.AddQiluAuditLog(PlatformRegistration.ResolveAuditDatabase(builder.Configuration, db), o =>
        {
            var interval = builder.Configuration.GetValue<int?>("Qilu:Audit:CheckpointIntervalSeconds");
            if (interval is { } s) o.CheckpointInterval = TimeSpan.FromSeconds(s);
        });
        builder.Services.AddSingleton<IAuditWriter, AuditEventWriter>();
        // Demo seeding starts after the audit writer (registered above) so seeders can audit what they create.
        builder.Services.AddHostedService<DemoStartup>();
        // Search indexes are derived data under the data directory; each module rebuilds or feeds its own.
        builder.Services.AddQiluSearch(Path.Combine(dataDir, "index"));
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAntDesign();
        builder.Services.AddQiluShell();

        var modules = AllModules()
            .Where(m => builder.Configuration.GetValue($"Qilu:Modules:{m.Name}:Enabled", true))
            .ToArray();
        foreach (var m in modules) m.AddServices(builder.Services, builder.Configuration);

        var app = builder.Build();
        ShellAssemblies.Additional = modules.Select(m => m.GetType().Assembly).Distinct().ToArray();
        app.UseQiluShell();
        app.UseQiluOperations();
        app.UseQiluAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        ShellEndpoints.Map(app);
        foreach (var m in modules) m.MapEndpoints(app);
        AuditEndpoints.Map(app);
        app.MapQiluOperations();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode()
            .AddAdditionalAssemblies(ShellAssemblies.Additional);
        return app;
    }

    /// <summary>Migrations and module start-up work, then (in demo mode, first run only) the demo province.</summary>
    public static async Task InitializeModulesAsync(IServiceProvider services, CancellationToken ct = default)
    {
        // Each step's time is logged: start-up has a budget (< 5 s to healthy) and this says which step spends it.
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Qilu.Startup");
        // Commits made before the server listens are made durable together when the window closes (ADR 0020).
        await using var window = await StartupWindow.OpenAsync(services, ct);
        foreach (var init in services.GetServices<IModuleInitializer>().OrderBy(i => i.Order))
        {
            var started = Stopwatch.GetTimestamp();
            await init.InitializeAsync(services, ct);
            log.LogInformation("Initialized {Step} in {Milliseconds:F0} ms", init.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        await CloseAsync(window, log, ct);
    }

    private static async Task CloseAsync(StartupWindow window, ILogger log, CancellationToken ct)
    {
        if (!window.IsRelaxed) return;
        var started = Stopwatch.GetTimestamp();
        await window.CloseAsync(ct);
        log.LogInformation("Synced start-up commits in {Milliseconds:F0} ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public static async Task SeedDemoAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var credentials = new List<DemoCredential>();
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Qilu.Startup");
        var all = Stopwatch.GetTimestamp();
        await using var window = await StartupWindow.OpenAsync(services, ct);
        // Seeders run as their declared dependencies allow (module lanes after Identity overlap); the credentials
        // keep the seeders' Order whatever order they finish in.
        var results = new System.Collections.Concurrent.ConcurrentDictionary<IDemoSeeder, IReadOnlyList<DemoCredential>>();
        var seeders = services.GetServices<IDemoSeeder>().ToArray();
        await DemoSeedPlan.RunAsync(seeders, async (seeder, token) =>
        {
            var started = Stopwatch.GetTimestamp();
            results[seeder] = await seeder.SeedAsync(services, token);
            log.LogInformation("Seeded {Step} in {Milliseconds:F0} ms", seeder.Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }, ct);
        foreach (var seeder in seeders.OrderBy(s => s.Order)) credentials.AddRange(results[seeder]);
        await CloseAsync(window, log, ct);
        log.LogInformation("Demo seed done in {Milliseconds:F0} ms", Stopwatch.GetElapsedTime(all).TotalMilliseconds);
        if (credentials.Count > 0) await DemoAccountsFile.WriteAsync(services, credentials, ct);
    }

    private static async Task ReleaseStartupMemory()
    {
        // The classifier trains in the background from the start; collect after its training garbage too.
        await Task.Delay(TimeSpan.FromSeconds(2));
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    public static int Run(string[] args)
    {
        var app = Create(args);
        app.Lifetime.ApplicationStarted.Register(() => DemoAccountsFile.PrintBanner(app, app.Configuration.GetValue("Qilu:Demo:Enabled", true)));
        // Start-up (model building, migrations, the seed, the classifier's training) leaves tens of MB of garbage and
        // grown GC budgets; an idle host allocates too little to trigger a collection, so the memory stayed. One
        // aggressive collection once the server listens gives it back (ADR 0020); off the request path.
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(ReleaseStartupMemory));
        app.Run();
        return 0;
    }
}
