using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Identity.Accounts;
using Qilu.Identity.Auditing;
using Qilu.Identity.Clients;
using Qilu.Identity.Data;
using Qilu.Identity.Roles;
using Qilu.Identity.Seed;
using Qilu.Identity.SignOn;
using Qilu.Identity.Verification;
using Qilu.Platform.Auth;
using Qilu.Platform.Hosting;
using Qilu.Platform.Modules;
using Qilu.Platform.Persistence;

namespace Qilu.Identity;

/// <summary>
/// Front door of the Identity module (统一身份认证): divisions, departments, accounts, roles, and the OpenID Connect
/// provider that every face and every department system signs in through.
/// </summary>
public sealed class IdentityModule : IQiluModule
{
    public string Name => IdentityDbContext.Module;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var db = services.Single(s => s.ServiceType == typeof(DatabaseConnection)).ImplementationInstance as DatabaseConnection
            ?? throw new InvalidOperationException("AddQiluPlatform must run before modules register.");
        services.AddModuleDbContext<IdentityDbContext, IdentitySqliteDbContext, IdentityPostgresDbContext>(db, IdentityDbContext.Module);
        services.AddSingleton<IModuleInitializer, IdentityInitializer>();
        services.AddSingleton<IDemoSeeder, DemoProvinceSeeder>();
        services.AddSingleton<RolePermissionCache>();
        services.AddSingleton<ClientScopes>();
        services.AddSingleton<IRolePermissions>(sp => sp.GetRequiredService<RolePermissionCache>());
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddScoped<AccountFields.Protection>();
        services.AddScoped<TotpService>();
        services.AddScoped<AccountPrincipalFactory>();
        services.AddScoped<IdentityAudit>();
        services.AddScoped<Contracts.IOrganisationDirectory, Departments.OrganisationDirectory>();
        services.AddScoped<Contracts.ISystemClientDirectory, Clients.SystemClientDirectory>();
        services.AddScoped<Contracts.IPersonDirectory, PersonDirectory>();
        services.AddSingleton<OidcKeySource>();
        if (configuration.GetValue("Qilu:Demo:Enabled", true))
            services.AddSingleton<IIdentityVerificationProvider>(new DemoVerificationProvider(
                configuration.GetSection("Qilu:Demo:Register").Get<Dictionary<string, string>>() ?? []));
        else
            services.AddSingleton<IIdentityVerificationProvider, UnconfiguredVerificationProvider>();
        services.AddSingleton<WebClientSecret>();
        services.AddHostedService<WebShellClientRegistration>();
        OidcServerSetup.Add(services);
        IdentityMenu.Add(services);
    }

    /// <summary>
    /// Creates one of the three separated administrators (host CLI verb <c>admin create</c>); returns the random
    /// initial password, shown once.
    /// </summary>
    public static Task<SharedKernel.Results.Result<string>> CreateAdministratorAsync(IServiceProvider services, string userName,
        string displayName, string role, CancellationToken ct) => CreateAdministrator.HandleAsync(services, userName, displayName, role, ct);

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        Authorize.Map(routes);
        Token.Map(routes);
        UserInfo.Map(routes);
        EndSession.Map(routes);
        SignInWithPassword.Map(routes);
        VerifyTotp.Map(routes);
        ChooseCapacity.Map(routes);
        WebShellSignOn.Map(routes);
        IdentityApi.Map(routes);
    }
}
