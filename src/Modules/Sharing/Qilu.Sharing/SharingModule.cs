using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Qilu.Catalog.Contracts;
using Qilu.Platform.Auth;
using Qilu.Platform.Events;
using Qilu.Platform.Hosting;
using Qilu.Platform.Modules;
using Qilu.Platform.Persistence;
using Qilu.Sharing.Applications;
using Qilu.Sharing.Auditing;
using Qilu.Sharing.Contracts;
using Qilu.Sharing.Data;
using Qilu.Sharing.Gateway;
using Qilu.Sharing.Grants;
using Qilu.Sharing.Integration;
using Qilu.Sharing.Subscriptions;
using Qilu.Sharing.Verification;

namespace Qilu.Sharing;

/// <summary>
/// Front door of the Sharing module (数据共享): applications and approvals (供需对接), grants, the sharing gateway with
/// masking, row scope, quotas, rate limits, binding hashes, audit and metering, verification (核验), subscriptions,
/// 数据直达基层 and the supply–demand board. Rows come from the Catalog module's <see cref="IResourceRows"/>.
/// </summary>
public sealed class SharingModule : IQiluModule
{
    public string Name => SharingDbContext.Module;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var db = services.Single(s => s.ServiceType == typeof(DatabaseConnection)).ImplementationInstance as DatabaseConnection
            ?? throw new InvalidOperationException("AddQiluPlatform must run before modules register.");
        // Private-cache SQLite connections with a busy_timeout come with every module context now (SqliteConnections).
        services.AddModuleDbContext<SharingDbContext, SharingSqliteDbContext, SharingPostgresDbContext>(db, SharingDbContext.Module);
        services.AddSingleton<IModuleInitializer, SharingInitializer>();
        services.Configure<SharingOptions>(configuration.GetSection("Qilu:Sharing"));
        services.AddScoped<SharingAudit>();
        services.AddScoped<SharingServices>();
        services.AddScoped<Qilu.Platform.Modules.IWorkbenchTasks, Applications.SharingWorkbenchTasks>();
        services.AddScoped<GrantIssuer>();
        services.AddSingleton<ApprovalDeadlines>();
        services.AddSingleton<QuotaLedger>();
        services.AddHostedService<QuotaLeaseSweeper>();
        // Metering records are written from the gateway's audit entries (ADR 0018 addendum 7).
        services.AddSingleton<Usage.MeteringProjector>();
        services.AddHostedService(sp => sp.GetRequiredService<Usage.MeteringProjector>());
        services.AddScoped<GatewayPipeline>();
        // On by default (ADR 0018, addenda 2 and 5); Qilu:Sharing:GrantCache=false reads every grant per call. On
        // PostgreSQL, where several nodes may share the database, it serves only while its change listener is connected.
        var grantCacheOn = configuration.GetValue("Qilu:Sharing:GrantCache", true);
        // A held grant is read again after this long (addendum 6), so changes made outside the application reach every node.
        var maxAge = configuration.GetValue("Qilu:Sharing:GrantCacheMaxAgeSeconds", (int)GrantCache.DefaultMaxAge.TotalSeconds);
        if (maxAge is < 1 or > 3600)
            throw new InvalidOperationException($"Qilu:Sharing:GrantCacheMaxAgeSeconds must be 1–3600 seconds; got {maxAge}.");
        var grantCache = new GrantCache(grantCacheOn, suspended: grantCacheOn && !db.IsSqlite, TimeSpan.FromSeconds(maxAge));
        services.AddSingleton(grantCache);
        if (grantCacheOn && !db.IsSqlite)
        {
            services.AddSingleton(sp => new GrantCacheListener(grantCache, db.ConnectionString, sp.GetRequiredService<ILogger<GrantCacheListener>>()));
            services.AddHostedService(sp => sp.GetRequiredService<GrantCacheListener>());
            services.AddHealthChecks().AddCheck<GrantCacheHealth>(GrantCacheHealth.Name, HealthStatus.Degraded, ["ready"]);
        }
        services.AddSingleton<GatewayRateLimiter>();
        services.AddSingleton<VerificationSigner>();
        services.AddHttpClient(CallApi.HttpClientName, (sp, c) =>
            c.Timeout = TimeSpan.FromSeconds(configuration.GetValue("Qilu:Sharing:UpstreamTimeoutSeconds", 15)));
        // Consumer systems ask for this scope with client credentials; the provider refuses scopes it does not know.
        services.AddOptions<OpenIddict.Server.OpenIddictServerOptions>().Configure(o => o.Scopes.Add(GatewayProtocol.Scope));
        services.AddScoped<WhenCatalogEntryWithdrawn>();
        services.AddIntegrationEventHandler<CatalogEntryWithdrawn, WhenCatalogEntryWithdrawn>();
        services.AddScoped<WhenCatalogEntryPublished>();
        services.AddIntegrationEventHandler<CatalogEntryPublished, WhenCatalogEntryPublished>();
        services.AddIntegrationEventHandler<ResourceRowsChanged, WhenResourceRowsChanged>();
        // Webhook pushes: the change event marks subscriptions due and wakes this loop, which also retries failures.
        services.AddSingleton<SubscriptionDelivery>();
        services.AddHostedService(sp => sp.GetRequiredService<SubscriptionDelivery>());
        services.AddModulePermissions(
            new PermissionDefinition(SharingPermissions.ApplicationsApply, "申请共享数据", "Apply for shared data", WellKnownRoles.Official, WellKnownRoles.DataOfficer, WellKnownRoles.ChiefDataOfficer),
            new PermissionDefinition(SharingPermissions.ApplicationsReview, "共享申请合规性审核", "Conformity review of applications", WellKnownRoles.ChiefDataOfficer),
            new PermissionDefinition(SharingPermissions.ApplicationsApprove, "审批本单位数据共享", "Approve sharing of own unit's data", WellKnownRoles.DataOfficer, WellKnownRoles.ChiefDataOfficer),
            new PermissionDefinition(SharingPermissions.GrantsRead, "查看共享授权", "Read grants", WellKnownRoles.Official, WellKnownRoles.DataOfficer, WellKnownRoles.ChiefDataOfficer),
            new PermissionDefinition(SharingPermissions.GrantsManage, "暂停、恢复、撤销共享授权", "Suspend, resume, revoke grants", WellKnownRoles.DataOfficer, WellKnownRoles.ChiefDataOfficer),
            new PermissionDefinition(SharingPermissions.UsageRead, "查看网关调用统计", "Read gateway usage", WellKnownRoles.DataOfficer, WellKnownRoles.ChiefDataOfficer),
            new PermissionDefinition(SharingPermissions.NeedsPost, "发布与查看数据需求", "Post and read data needs", WellKnownRoles.Official, WellKnownRoles.DataOfficer, WellKnownRoles.ChiefDataOfficer),
            new PermissionDefinition(SharingPermissions.NeedsAnswer, "响应数据需求", "Answer data needs", WellKnownRoles.DataOfficer, WellKnownRoles.ChiefDataOfficer),
            new PermissionDefinition(SharingPermissions.GrassrootsRead, "数据直达基层", "Grassroots data access", WellKnownRoles.Official));
        services.AddSingleton<IDemoSeeder, Seed.SharingDemoSeeder>();
        SharingMenu.Add(services);
    }

    public void MapEndpoints(IEndpointRouteBuilder routes) => SharingApi.Map(routes);
}
