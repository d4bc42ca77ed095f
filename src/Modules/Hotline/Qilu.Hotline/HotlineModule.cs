using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Qilu.Hotline.Categories;
using Qilu.Hotline.Contracts;
using Qilu.Hotline.Data;
using Qilu.Hotline.Dispatch;
using Qilu.Hotline.Handling;
using Qilu.Hotline.Review;
using Qilu.Hotline.Seed;
using Qilu.Hotline.Tickets;
using Qilu.Platform.Auth;
using Qilu.Platform.Events;
using Qilu.Platform.Hosting;
using Qilu.Platform.Modules;
using Qilu.Platform.Persistence;

namespace Qilu.Hotline;

/// <summary>
/// Front door of the Hotline module (12345 接诉即办): one ticket model for every channel, Open311 GeoReport v2,
/// classification and dispatch, deadlines and escalation, merge, callback and satisfaction, and hotspot analytics.
/// </summary>
public sealed class HotlineModule : IQiluModule
{
    /// <summary>Module key (schema/table prefix, permission prefix).</summary>
    public const string Key = "hotline";

    public string Name => Key;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        var db = services.Single(s => s.ServiceType == typeof(DatabaseConnection)).ImplementationInstance as DatabaseConnection
            ?? throw new InvalidOperationException("AddQiluPlatform must run before modules register.");
        services.AddModuleDbContext<HotlineDbContext, HotlineSqliteDbContext, HotlinePostgresDbContext>(db, Key);
        services.AddOptions<HotlineOptions>().Bind(configuration.GetSection(HotlineOptions.Section));
        services.AddOptions<DispatchCatalogueOptions>().Bind(configuration.GetSection(HotlineOptions.Section + ":Dispatch"));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<HotlineOptionsAccessor>();
        Classification.HotlineClassification.AddServices(services);
        services.AddHostedService<Classification.ClassifierWarmUp>();
        services.AddSingleton<CategoryCatalog>();
        services.AddScoped<DispatchCatalogue>();
        services.AddScoped<TicketIntake>();
        services.AddScoped<Qilu.Platform.Modules.IWorkbenchTasks, Tickets.TicketWorkbenchTasks>();
        services.AddSingleton<Knowledge.KnowledgeIndex>();
        services.AddScoped<TicketTransition>();
        services.AddScoped<TicketTimers>();
        services.AddScoped<Open311.Open311Keys>();
        services.AddOptions<Open311.Open311Options>().Bind(configuration.GetSection(HotlineOptions.Section + ":Open311"));
        services.AddHostedService<TicketTimerService>();
        services.AddIntegrationEventHandler<Qilu.Cases.Contracts.CaseRatedBadly, Integration.WhenCaseRatedBadly>();
        services.AddSingleton<IModuleInitializer, HotlineInitializer>();
        services.AddSingleton<IDemoSeeder, HotlineDemoSeeder>();
        HotlineMenu.Add(services);
        services.AddModulePermissions(
            new PermissionDefinition(HotlinePermissions.Submit, "提交诉求", "Submit requests", WellKnownRoles.Citizen, WellKnownRoles.EnterpriseAgent),
            new PermissionDefinition(HotlinePermissions.Intake, "12345受理", "Take hotline calls", WellKnownRoles.HotlineAgent, WellKnownRoles.HotlineDispatcher),
            new PermissionDefinition(HotlinePermissions.Dispatch, "12345派单", "Dispatch tickets", WellKnownRoles.HotlineDispatcher),
            new PermissionDefinition(HotlinePermissions.Handle, "工单办理", "Handle tickets", WellKnownRoles.Official),
            new PermissionDefinition(HotlinePermissions.Supervise, "工单督办", "Supervise tickets", WellKnownRoles.ChiefDataOfficer),
            new PermissionDefinition(HotlinePermissions.KnowledgeRead, "查阅12345知识库", "Read the hotline knowledge base",
                WellKnownRoles.HotlineAgent, WellKnownRoles.HotlineDispatcher, WellKnownRoles.ChiefDataOfficer, WellKnownRoles.Official),
            new PermissionDefinition(HotlinePermissions.KnowledgeManage, "维护12345知识库", "Manage the hotline knowledge base",
                WellKnownRoles.HotlineDispatcher, WellKnownRoles.ChiefDataOfficer));
    }

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/hotline").WithTags("Hotline 12345");
        ListCategories.Map(api);
        SubmitTicket.Map(api);
        ListTickets.Map(api);
        GetTicket.Map(api);
        RevealCaller.Map(api);
        SuggestDispatch.Map(api);
        DispatchTicket.Map(api);
        SignTicket.Map(api);
        ReturnTicket.Map(api);
        ReplyToTicket.Map(api);
        RequestExtension.Map(api);
        DecideExtension.Map(api);
        ReviewReply.Map(api);
        RecordCallback.Map(api);
        CloseDirectly.Map(api);
        SuperviseTicket.Map(api);
        Duplicates.FindDuplicates.Map(api);
        Duplicates.MergeTicket.Map(api);
        Analytics.TicketStatistics.Map(api);
        Analytics.SpikeAlerts.Map(api);
        Analytics.ExportReport.Map(api);
        Knowledge.SearchArticles.Map(api);
        Knowledge.GetArticle.Map(api);
        Knowledge.SaveArticle.Map(api);
        Knowledge.ChangeArticleStatus.Map(api);
        Open311.GeoReportApi.Map(routes);
    }
}
