using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Contracts;
using Qilu.OpenData.Contracts;
using Qilu.OpenData.Data;
using Qilu.OpenData.Datasets;
using Qilu.OpenData.Rows;
using Qilu.OpenData.Search;
using Qilu.OpenData.UseCases;
using Qilu.Platform.Auth;
using Qilu.Platform.Events;
using Qilu.Platform.Hosting;
using Qilu.Platform.Modules;
using Qilu.Platform.Persistence;

namespace Qilu.OpenData;

/// <summary>
/// Front door of the OpenData module (公共数据开放): publishers open published catalog entries whose 开放属性 allows it;
/// the public browses them on the portal, through a CKAN-compatible Action API and as a DCAT-AP 3 catalog; 有条件开放
/// datasets are used with an approved application's API key; data requests and corrections reach the publishers.
/// Rows come only through the Catalog's <see cref="IResourceRows"/>.
/// </summary>
public sealed class OpenDataModule : IQiluModule
{
    public string Name => OpenDataDbContext.Module;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var db = services.Single(s => s.ServiceType == typeof(DatabaseConnection)).ImplementationInstance as DatabaseConnection
            ?? throw new InvalidOperationException("AddQiluPlatform must run before modules register.");
        services.AddModuleDbContext<OpenDataDbContext, OpenDataSqliteDbContext, OpenDataPostgresDbContext>(db, OpenDataDbContext.Module);
        services.AddSingleton<IModuleInitializer, OpenDataInitializer>();
        services.AddSingleton<IDemoSeeder, Seed.OpenDataDemoSeeder>();
        services.AddIntegrationEventHandler<CatalogEntryPublished, WhenCatalogEntryPublished>();
        services.AddIntegrationEventHandler<CatalogEntryWithdrawn, WhenCatalogEntryWithdrawn>();
        services.AddScoped<OpenDataAudit>();
        services.AddSingleton<DatasetIndex>();
        services.AddScoped<RowAccess>();
        services.AddScoped<RowReader>();
        services.AddSingleton<FilteredTotals>();
        services.AddModulePermissions(
            new PermissionDefinition(OpenDataPermissions.Publish, "发布开放数据", "Publish open datasets", WellKnownRoles.DataOfficer, WellKnownRoles.ChiefDataOfficer),
            new PermissionDefinition(OpenDataPermissions.Respond, "答复开放数据申请与反馈", "Answer open-data applications and feedback", WellKnownRoles.DataOfficer, WellKnownRoles.ChiefDataOfficer));
        OpenDataMenu.Add(services);
    }

    public void MapEndpoints(IEndpointRouteBuilder routes) => OpenDataApi.Map(routes);
}
