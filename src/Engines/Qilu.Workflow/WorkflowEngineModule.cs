using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Qilu.Platform.Auth;
using Qilu.Platform.Events;
using Qilu.Platform.Hosting;
using Qilu.Platform.Modules;
using Qilu.Platform.Persistence;
using Qilu.SharedKernel.Time;
using Qilu.Workflow.Calendar;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.Data;
using Qilu.Workflow.Definitions;
using Qilu.Workflow.Events;
using Qilu.Workflow.Instances;
using Qilu.Workflow.Rules;
using Qilu.Workflow.Runtime;
using Qilu.Workflow.Tasks;
using Qilu.Workflow.Timers;

namespace Qilu.Workflow;

/// <summary>
/// Front door of the workflow engine (流程引擎): versioned process definitions, instances, user tasks, durable timers
/// and time limits in working days. Modules use <see cref="IWorkflowEngine"/>; administrators use
/// <c>/api/workflow/definitions</c> and <c>/api/workflow/calendar</c>. Needs an <see cref="IWorkflowRuleEvaluator"/>
/// (the Rules engine) for definitions with rule-based conditions or assignments.
/// </summary>
public sealed class WorkflowEngineModule : IQiluModule
{
    public string Name => WorkflowDbContext.Module;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        var db = services.Single(s => s.ServiceType == typeof(DatabaseConnection)).ImplementationInstance as DatabaseConnection
            ?? throw new InvalidOperationException("AddQiluPlatform must run before modules register.");
        var options = new WorkflowOptions();
        if (configuration?.GetValue<double?>("Qilu:Workflow:TimerPollSeconds") is { } seconds) options.TimerPollInterval = TimeSpan.FromSeconds(seconds);
        options.RunTimers = configuration?.GetValue("Qilu:Workflow:RunTimers", true) ?? true;
        services.AddSingleton(options);
        // Pooled: every transition takes a fresh context, and building one (its internal services, change tracker,
        // options) was a measurable share of a completion's CPU; a pooled context is reset on return instead.
        if (db.IsSqlite)
            services.AddDbContextPool<WorkflowDbContext, WorkflowSqliteDbContext>(o => ModuleDbContextRegistration.Configure(o, db, WorkflowDbContext.Module));
        else
            services.AddDbContextPool<WorkflowDbContext, WorkflowPostgresDbContext>(o => ModuleDbContextRegistration.Configure(o, db, WorkflowDbContext.Module));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DefinitionCache>();
        services.AddSingleton<CalendarProvider>();
        // Every module counts working days on the administrators' calendar (replaces the platform's statutory default).
        services.AddSingleton<IWorkingCalendarSource>(sp => sp.GetRequiredService<CalendarProvider>());
        services.TryAddSingleton<IWorkflowEventPublisher, OutboxEventPublisher>();
        services.AddOutbox<WorkflowDbContext>();
        // A rules engine registered before or after this module replaces the default (last registration wins;
        // TryAdd keeps an earlier one).
        services.TryAddSingleton<IWorkflowRuleEvaluator, JsonLogicRuleEvaluator>();
        services.AddSingleton<SqliteGroupCommit>();
        services.AddSingleton<WorkflowEngine>();
        services.AddSingleton<IWorkflowEngine>(sp => sp.GetRequiredService<WorkflowEngine>());
        services.AddSingleton<IModuleInitializer, WorkflowInitializer>();
        if (options.RunTimers) services.AddHostedService<WorkflowTimerService>();
        services.AddModulePermissions(
            new PermissionDefinition(WorkflowPermissions.DefinitionsManage, "管理流程定义", "Manage process definitions", WellKnownRoles.SystemAdministrator),
            new PermissionDefinition(WorkflowPermissions.CalendarManage, "维护节假日安排", "Maintain the holiday calendar", WellKnownRoles.SystemAdministrator),
            new PermissionDefinition(WorkflowPermissions.InstancesRead, "查看流程实例", "Read process instances", WellKnownRoles.SystemAdministrator));
        WorkflowMenu.Add(services);
    }

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/workflow").WithTags("Workflow 流程引擎");
        ListDefinitions.Map(api);
        GetDefinition.Map(api);
        ValidateDefinition.Map(api);
        DeployDefinition.Map(api);
        RenderDefinitionDiagram.Map(api);
        TestRule.Map(api);
        ListCalendar.Map(api);
        PutCalendarYear.Map(api);
        SetCalendarDay.Map(api);
        CalculateWorkingDays.Map(api);
        GetInstance.Map(api);
        ListMyTasks.Map(api);
        ClaimTask.Map(api);
        DelegateTask.Map(api);
        CompleteTask.Map(api);
        ReturnTask.Map(api);
    }
}
