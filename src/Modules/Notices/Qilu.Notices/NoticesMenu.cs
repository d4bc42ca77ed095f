using Microsoft.Extensions.DependencyInjection;
using Qilu.Identity.Contracts;
using Qilu.Platform.Modules;

namespace Qilu.Notices;

/// <summary>
/// The Notices module's entries: the workbench (every official reads notices; publishing is checked on the pages) and the
/// portal's public list, which replaces the shell's link to the home page's notices section when the module is on.
/// </summary>
internal static class NoticesMenu
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton(new MenuEntry(ShellFace.Workbench, "/workbench/notices", "通知公告", "Notices", "notification", IdentityPermissions.Workbench, 20));
        services.AddSingleton(new MenuEntry(ShellFace.Portal, "/portal/notices", "通知公告", "Notices", "notification", null, 5));
    }
}
