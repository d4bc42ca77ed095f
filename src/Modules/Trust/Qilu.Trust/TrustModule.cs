using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Auth;
using Qilu.Platform.Events;
using Qilu.Platform.Hosting;
using Qilu.Platform.Modules;
using Qilu.Platform.Persistence;
using Qilu.Trust.Auditing;
using Qilu.Trust.Authority;
using Qilu.Trust.Certificates;
using Qilu.Trust.Codes;
using Qilu.Trust.Federation;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;

namespace Qilu.Trust;

/// <summary>
/// Front door of the Trust module (可信服务): the platform's SM2 certificate authority, electronic seals (电子印章) and
/// signatures in the GB/T 38540 structure, electronic certificates (电子证照) with a bitstring status list, offline
/// verifiable QR payloads, and the holder's wallet.
/// </summary>
public sealed class TrustModule : IQiluModule
{
    public string Name => TrustDbContext.Module;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var db = services.Single(s => s.ServiceType == typeof(DatabaseConnection)).ImplementationInstance as DatabaseConnection
            ?? throw new InvalidOperationException("AddQiluPlatform must run before modules register.");
        services.AddModuleDbContext<TrustDbContext, TrustSqliteDbContext, TrustPostgresDbContext>(db, TrustDbContext.Module);
        services.AddSingleton<IModuleInitializer, TrustInitializer>();
        services.AddSingleton<CertificateAuthority>();
        services.AddSingleton<Verification.SealKeyCache>();
        services.AddScoped<TrustAudit>();
        services.AddSingleton<CodeSigner>();
        services.AddScoped<CodeServices>();
        services.AddHostedService<PersonalCodeSweep>();
        services.AddScoped<FederationClient>();
        services.AddHttpClient(FederationClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(20));
        services.Configure<FederationOptions>(configuration.GetSection("Qilu:Trust:Federation"));
        // Peers ask with client credentials carrying this scope; the provider refuses scopes it does not know.
        services.AddOptions<OpenIddict.Server.OpenIddictServerOptions>().Configure(o => o.Scopes.Add(FederationScope.Name));
        services.AddScoped<ICertificateWallet, CertificateWallet>();
        services.AddScoped<CertificateIssuer>();
        services.AddOutbox<TrustDbContext>();
        services.AddScoped<WhenCertificateIssueRequested>();
        services.AddIntegrationEventHandler<CertificateIssueRequested, WhenCertificateIssueRequested>();
        services.Configure<TrustOptions>(configuration.GetSection("Qilu:Trust"));
        Rendering.CjkFont.Configure(configuration["Qilu:Trust:FontPath"]);
        services.AddModulePermissions(
            new PermissionDefinition(TrustPermissions.SealsRead, "查看电子印章", "View seals", WellKnownRoles.Official, WellKnownRoles.SystemAdministrator),
            new PermissionDefinition(TrustPermissions.SealsApply, "申请电子印章", "Apply for seals", WellKnownRoles.Official),
            new PermissionDefinition(TrustPermissions.SealsApprove, "审批电子印章", "Approve seals", WellKnownRoles.SystemAdministrator),
            new PermissionDefinition(TrustPermissions.SealsManage, "制作与管理电子印章", "Make and manage seals", WellKnownRoles.SystemAdministrator),
            new PermissionDefinition(TrustPermissions.SealsSign, "电子签章", "Sign with seals", WellKnownRoles.Official),
            new PermissionDefinition(TrustPermissions.CertificatesIssue, "颁发电子证照", "Issue certificates", WellKnownRoles.Official),
            new PermissionDefinition(TrustPermissions.CertificatesRead, "查询电子证照", "Look up certificates", WellKnownRoles.Official),
            new PermissionDefinition(TrustPermissions.CertificatesManage, "中止、撤销、恢复电子证照", "Suspend, revoke, restore certificates", WellKnownRoles.Official),
            new PermissionDefinition(TrustPermissions.TypesManage, "管理证照类型", "Manage certificate types", WellKnownRoles.SystemAdministrator),
            new PermissionDefinition(TrustPermissions.CodesScan, "扫个人码用证", "Scan personal codes to use certificates", WellKnownRoles.Official),
            new PermissionDefinition(TrustPermissions.FederationRequest, "跨省调证", "Request certificates from other provinces", WellKnownRoles.Official),
            new PermissionDefinition(TrustPermissions.CaRead, "查看平台 CA", "View the platform CA", WellKnownRoles.SystemAdministrator, WellKnownRoles.SecurityAdministrator));
        TrustMenu.Add(services);
        services.AddSingleton<IDemoSeeder, Seals.TrustDemoSeeder>();
        services.AddSingleton<IDemoSeeder, Certificates.TrustDemoCertificateSeeder>();
    }

    public void MapEndpoints(IEndpointRouteBuilder routes) => TrustApi.Map(routes);
}
