using Microsoft.Extensions.DependencyInjection;
using Qilu.Hotline.Contracts;
using Qilu.Platform.Modules;

namespace Qilu.Hotline;

/// <summary>The Hotline module's entries: 12345 诉求 in the portal; 受理台, 派单台, 工单待办 and 督办 in the workbench.</summary>
internal static class HotlineMenu
{
    public static void Add(IServiceCollection services)
    {
        MenuEntry[] entries =
        [
            new(ShellFace.Portal, "/portal/hotline", "我的诉求", "My requests", "phone", null, 35),
            new(ShellFace.Workbench, "/workbench/hotline/console", "12345受理台", "Agent console", "phone", HotlinePermissions.Intake, 30, "12345热线", "12345 hotline"),
            new(ShellFace.Workbench, "/workbench/hotline/board", "派单台", "Dispatcher board", "send", HotlinePermissions.Dispatch, 31, "12345热线", "12345 hotline"),
            new(ShellFace.Workbench, "/workbench/hotline/inbox", "工单待办", "Ticket inbox", "inbox", HotlinePermissions.Handle, 32, "12345热线", "12345 hotline"),
            new(ShellFace.Workbench, "/workbench/hotline/dashboard", "12345数据看板", "Hotline dashboard", "bar-chart", HotlinePermissions.Supervise, 34, "12345热线", "12345 hotline"),
            new(ShellFace.Workbench, "/workbench/hotline/knowledge", "12345知识库", "Knowledge base", "book", HotlinePermissions.KnowledgeRead, 35, "12345热线", "12345 hotline"),
            new(ShellFace.Workbench, "/workbench/hotline/supervision", "工单督办", "Supervision", "alert", HotlinePermissions.Supervise, 33, "12345热线", "12345 hotline"),
        ];
        foreach (var e in entries) services.AddSingleton(e);
    }
}
