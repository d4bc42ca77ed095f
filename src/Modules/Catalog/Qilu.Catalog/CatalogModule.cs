using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Auditing;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Elements;
using Qilu.Catalog.Entries;
using Qilu.Catalog.Search;
using Qilu.Catalog.Seed;
using Qilu.Platform.Auth;
using Qilu.Platform.Events;
using Qilu.Platform.Hosting;
using Qilu.Platform.Modules;
using Qilu.Platform.Persistence;

namespace Qilu.Catalog;

/// <summary>
/// Front door of the Catalog module (数据目录): data elements (一数一源一标准), catalog entries per providing unit with
/// review and versioning, classification and grading after GB/T 43697-2024, the provincial base list and search.
/// </summary>
public sealed class CatalogModule : IQiluModule
{
    public string Name => CatalogDbContext.Module;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var db = services.Single(s => s.ServiceType == typeof(DatabaseConnection)).ImplementationInstance as DatabaseConnection
            ?? throw new InvalidOperationException("AddQiluPlatform must run before modules register.");
        // Pooled (ADR 0018 addendum 8): the sharing gateway and the row API create a Catalog context per request, and a new
        // context built EF Core's internal service scope and compared its options every time. The per-request reads live
        // in the scoped CatalogReads, not on the context, which outlives the request.
        services.AddModuleDbContext<CatalogDbContext, CatalogSqliteDbContext, CatalogPostgresDbContext>(db, CatalogDbContext.Module, pooled: true);
        services.AddScoped<CatalogReads>();
        services.AddOutbox<CatalogDbContext>();
        services.AddSingleton<IModuleInitializer, CatalogInitializer>();
        services.AddSingleton<IDemoSeeder, CatalogDemoSeeder>();
        services.AddSingleton<IDemoSeeder, CatalogDemoResourceSeeder>();
        services.AddScoped<CatalogAudit>();
        services.AddScoped<Qilu.Platform.Modules.IWorkbenchTasks, Quality.CatalogWorkbenchTasks>();
        services.AddScoped<IDataElementValidator, ElementValueValidator>();
        services.AddScoped<ICatalogDirectory, CatalogDirectory>();
        // The only way rows of mounted tables leave the module (Sharing gateway, OpenData).
        services.AddScoped<IResourceRows, Resources.ResourceRows>();
        // Chinese full-text search (ADR 0012) over the SearchDoc projection; DatabaseCatalogSearch stays as the
        // reference the search tests compare against.
        services.AddSingleton<CatalogIndexState>();
        services.AddScoped<ICatalogSearch, LuceneCatalogSearch>();
        services.AddScoped<DatabaseCatalogSearch>();
        services.AddModulePermissions(
            new PermissionDefinition(CatalogPermissions.EntriesRead, "浏览数据目录", "Browse the data catalog", WellKnownRoles.Official, WellKnownRoles.DataOfficer, WellKnownRoles.ChiefDataOfficer),
            new PermissionDefinition(CatalogPermissions.EntriesEdit, "编制本单位目录", "Edit own unit's catalog entries", WellKnownRoles.DataOfficer, WellKnownRoles.ChiefDataOfficer),
            new PermissionDefinition(CatalogPermissions.EntriesReview, "审核数据目录", "Review catalog entries", WellKnownRoles.ChiefDataOfficer),
            new PermissionDefinition(CatalogPermissions.ElementsRead, "查看数据元", "Read data elements", WellKnownRoles.Official, WellKnownRoles.DataOfficer, WellKnownRoles.ChiefDataOfficer),
            new PermissionDefinition(CatalogPermissions.ResourcesManage, "挂接资源与导入数据", "Mount resources and import rows", WellKnownRoles.DataOfficer, WellKnownRoles.ChiefDataOfficer),
            new PermissionDefinition(CatalogPermissions.ObjectionsRaise, "提出数据异议", "Raise data objections", WellKnownRoles.Official, WellKnownRoles.DataOfficer, WellKnownRoles.ChiefDataOfficer),
            new PermissionDefinition(CatalogPermissions.ElementsManage, "维护数据元", "Manage data elements", WellKnownRoles.ChiefDataOfficer));
        CatalogMenu.Add(services);
    }

    public void MapEndpoints(IEndpointRouteBuilder routes) => CatalogApi.Map(routes);
}
