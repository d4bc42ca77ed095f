using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Notices.Auditing;
using Qilu.Notices.Contracts;
using Qilu.Notices.Data;
using Qilu.Notices.Notices;
using Qilu.Notices.Seed;
using Qilu.Platform.Auth;
using Qilu.Platform.Hosting;
using Qilu.Platform.Modules;
using Qilu.Platform.Persistence;

namespace Qilu.Notices;

/// <summary>
/// Front door of the Notices module (通知公告): units publish notices to their officials and those below them
/// (本单位及下级) or to the public; the workbench and the portal show the latest through <see cref="INoticeFeed"/>.
/// </summary>
public sealed class NoticesModule : IQiluModule
{
    public string Name => NoticesDbContext.Module;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var db = services.Single(s => s.ServiceType == typeof(DatabaseConnection)).ImplementationInstance as DatabaseConnection
            ?? throw new InvalidOperationException("AddQiluPlatform must run before modules register.");
        services.AddModuleDbContext<NoticesDbContext, NoticesSqliteDbContext, NoticesPostgresDbContext>(db, NoticesDbContext.Module);
        services.AddSingleton<IModuleInitializer, NoticesInitializer>();
        services.AddSingleton<IDemoSeeder, NoticesDemoSeeder>();
        services.AddScoped<NoticesAudit>();
        services.AddScoped<INoticeFeed, NoticeFeed>();
        services.AddModulePermissions(
            new PermissionDefinition(NoticesPermissions.Publish, "发布本单位通知公告", "Publish notices of one's unit", WellKnownRoles.ChiefDataOfficer, WellKnownRoles.DataOfficer));
        NoticesMenu.Add(services);
    }

    public void MapEndpoints(IEndpointRouteBuilder routes) => NoticesApi.Map(routes);
}
