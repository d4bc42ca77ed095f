using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Matters.Auditing;
using Qilu.Matters.Catalog;
using Qilu.Matters.Contracts;
using Qilu.Matters.Data;
using Qilu.Matters.Seed;
using Qilu.Platform.Auth;
using Qilu.Platform.Hosting;
using Qilu.Platform.Modules;
using Qilu.Platform.Persistence;

namespace Qilu.Matters;

/// <summary>
/// Front door of the Matters module (政务服务事项): the provincial standard catalog with local implementations, forms,
/// 一件事 bundles and configuration packages. Other modules read it through <see cref="IMatterCatalog"/>.
/// </summary>
public sealed class MattersModule : IQiluModule
{
    public string Name => MattersDbContext.Module;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var db = services.Single(s => s.ServiceType == typeof(DatabaseConnection)).ImplementationInstance as DatabaseConnection
            ?? throw new InvalidOperationException("AddQiluPlatform must run before modules register.");
        services.AddModuleDbContext<MattersDbContext, MattersSqliteDbContext, MattersPostgresDbContext>(db, MattersDbContext.Module);
        services.AddSingleton<IModuleInitializer, MattersInitializer>();
        services.AddSingleton<IDemoSeeder, MattersDemoSeeder>();
        services.AddScoped<MattersAudit>();
        services.AddScoped<MatterCatalog>();
        services.AddScoped<IMatterCatalog>(sp => sp.GetRequiredService<MatterCatalog>());
        services.AddModulePermissions(
            new PermissionDefinition(MattersPermissions.CatalogRead, "查看事项目录", "Read the matter catalog", WellKnownRoles.Official, WellKnownRoles.SystemAdministrator),
            new PermissionDefinition(MattersPermissions.CatalogEdit, "编辑事项与一件事", "Edit matters and bundles", WellKnownRoles.Official),
            new PermissionDefinition(MattersPermissions.CatalogPublish, "发布事项与一件事", "Publish matters and bundles", WellKnownRoles.Official),
            new PermissionDefinition(MattersPermissions.CatalogTransfer, "导入导出事项目录与配置包", "Import and export the catalog and packages", WellKnownRoles.Official));
        MattersMenu.Add(services);
    }

    public void MapEndpoints(IEndpointRouteBuilder routes) => MattersApi.Map(routes);
}
