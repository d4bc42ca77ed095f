using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Modules;
using Qilu.Workflow.Contracts;

namespace Qilu.Workflow;

/// <summary>The workflow engine's entries in the admin console: definitions, rules and the holiday calendar.</summary>
internal static class WorkflowMenu
{
    public static void Add(IServiceCollection services)
    {
        MenuEntry[] entries =
        [
            new(ShellFace.Admin, "/admin/workflow/definitions", "流程定义", "Process definitions", "partition", WorkflowPermissions.DefinitionsManage, 140, "流程与规则", "Workflow and rules"),
            new(ShellFace.Admin, "/admin/rules", "规则编辑器", "Rule editor", "function", WorkflowPermissions.DefinitionsManage, 150, "流程与规则", "Workflow and rules"),
            new(ShellFace.Admin, "/admin/workflow/calendar", "节假日安排", "Holiday calendar", "calendar", WorkflowPermissions.CalendarManage, 160, "流程与规则", "Workflow and rules"),
        ];
        foreach (var e in entries) services.AddSingleton(e);
    }
}
