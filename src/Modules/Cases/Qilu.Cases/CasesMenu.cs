using Microsoft.Extensions.DependencyInjection;
using Qilu.Cases.Contracts;
using Qilu.Platform.Modules;

namespace Qilu.Cases;

/// <summary>The Cases module's entries: 我的办件 and 好差评 in the portal; 办件待办, 差评整改 and 超期督办 in the workbench.</summary>
internal static class CasesMenu
{
    public static void Add(IServiceCollection services)
    {
        MenuEntry[] entries =
        [
            new(ShellFace.Portal, "/portal/cases", "我的办件", "My applications", "file-search", null, 30),
            new(ShellFace.Portal, "/portal/offers", "主动服务", "Offers for you", "bell", null, 31),
            new(ShellFace.Portal, "/portal/ratings", "好差评", "Service ratings", "like", null, 40),
            new(ShellFace.Workbench, "/workbench/cases", "办件待办", "Case inbox", "inbox", CasesPermissions.Handle, 20, "政务服务", "Services"),
            new(ShellFace.Workbench, "/workbench/cases/rectifications", "差评整改", "Rectifications", "tool", CasesPermissions.Handle, 21, "政务服务", "Services"),
            new(ShellFace.Workbench, "/workbench/cases/overdue", "超期督办", "Overdue board", "alert", CasesPermissions.Supervise, 22, "政务服务", "Services"),
        ];
        foreach (var e in entries) services.AddSingleton(e);
    }
}
