using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Qilu.Cases.Applications;
using Qilu.Cases.Catalog;
using Qilu.Cases.Contracts;
using Qilu.Cases.Data;
using Qilu.Cases.Handling;
using Qilu.Cases.Reading;
using Qilu.Cases.Workflow;
using Qilu.Platform.Auth;
using Qilu.Platform.Events;
using Qilu.Platform.Hosting;
using Qilu.Platform.Modules;
using Qilu.Platform.Persistence;

namespace Qilu.Cases;

/// <summary>
/// Front door of the Cases module (办件): applications for matters and 一件事 bundles, the case lifecycle on the
/// workflow engine (受理 → 审查 → 决定 → 办结 → 送达, 补正, 撤回), officials' inbox and supervision, and the events
/// other modules act on (<see cref="CaseConcludedWithLicence"/>, <see cref="CaseRatedBadly"/>).
/// </summary>
public sealed class CasesModule : IQiluModule
{
    public string Name => CasesDbContext.Module;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        var db = services.Single(s => s.ServiceType == typeof(DatabaseConnection)).ImplementationInstance as DatabaseConnection
            ?? throw new InvalidOperationException("AddQiluPlatform must run before modules register.");
        services.AddModuleDbContext<CasesDbContext, CasesSqliteDbContext, CasesPostgresDbContext>(db, CasesDbContext.Module);
        CasesMenu.Add(services);
        services.AddOutbox<CasesDbContext>();
        services.TryAddSingleton(TimeProvider.System);
        // The case processes assign tasks by rules on the case variables; the Rules engine evaluates them.
        services.AddSingleton<CaseDefinitions>();
        // The Matters module's catalog when it is switched on; otherwise nothing is offered.
        services.TryAddScoped<ICaseCatalog>(sp => sp.GetService<Qilu.Matters.Contracts.IMatterCatalog>() is { } c ? new MatterCatalogSource(c) : new NoCatalog());
        services.AddScoped<CaseLifecycle>();
        services.AddScoped<Qilu.Platform.Modules.IWorkbenchTasks, Reading.CaseWorkbenchTasks>();
        // 主动服务: Trust's issued certificates trigger the bundles configured to offer themselves (ADR 0013).
        services.AddIntegrationEventHandler<Qilu.Trust.Contracts.CertificateIssued, Offers.WhenCertificateIssued>();
        services.AddSingleton<Offers.CertificateOfferTriggers>();
        services.AddSingleton<IModuleInitializer, CasesInitializer>();
        services.AddHostedService<DeployDefinitionsAtStart>();
        services.AddModulePermissions(
            new PermissionDefinition(CasesPermissions.Apply, "申请办事", "Apply for matters", WellKnownRoles.Citizen, WellKnownRoles.EnterpriseAgent),
            new PermissionDefinition(CasesPermissions.Handle, "办理办件", "Handle cases", WellKnownRoles.Official),
            new PermissionDefinition(CasesPermissions.Supervise, "办件督办", "Supervise cases", WellKnownRoles.ChiefDataOfficer));
    }

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/cases").WithTags("Cases 办件");
        ApplyForCase.Map(api);
        GetApplicationForm.Map(api);
        ListMyCases.Map(api);
        Inbox.Map(api);
        SupervisedCases.Map(api);
        GetCase.Map(api);
        CaseActions.Map(api);
        Library.UploadFile.Map(api);
        Ratings.RateCase.Map(api);
        Ratings.GetCaseRating.Map(api);
        Ratings.Rectifications.Map(api);
        Ratings.RatingStatistics.Map(api);
        Offers.ListMyOffers.Map(api);
        Offers.ConfirmOffer.Map(api);
        Offers.DeclineOffer.Map(api);
    }
}
