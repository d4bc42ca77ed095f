using Microsoft.Extensions.DependencyInjection;
using Qilu.Identity.Contracts;
using Qilu.Platform.Modules;

namespace Qilu.Notices;

/// <summary>The Notices module's entry in the workbench (every official reads notices; publishing is checked on the pages).</summary>
internal static class NoticesMenu
{
    public static void Add(IServiceCollection services) =>
        services.AddSingleton(new MenuEntry(ShellFace.Workbench, "/workbench/notices", "通知公告", "Notices", "notification", IdentityPermissions.Workbench, 20));
}
