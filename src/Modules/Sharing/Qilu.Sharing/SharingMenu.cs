using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Modules;
using Qilu.Sharing.Contracts;

namespace Qilu.Sharing;

/// <summary>The Sharing module's workbench entries (grouped with the catalog under 数据共享).</summary>
internal static class SharingMenu
{
    public static void Add(IServiceCollection services)
    {
        MenuEntry[] entries =
        [
            new(ShellFace.Workbench, "/workbench/sharing/apply", "共享申请", "Apply for data", "form", SharingPermissions.ApplicationsApply, 34, "数据共享", "Data sharing"),
            new(ShellFace.Workbench, "/workbench/sharing/inbox", "共享审批", "Sharing approvals", "audit", SharingPermissions.ApplicationsApprove, 35, "数据共享", "Data sharing")
            {
                OrPermissions = [SharingPermissions.ApplicationsReview],
            },
            new(ShellFace.Workbench, "/workbench/sharing/grants", "共享授权", "Grants", "safety-certificate", SharingPermissions.GrantsRead, 36, "数据共享", "Data sharing"),
            new(ShellFace.Workbench, "/workbench/sharing/usage", "网关调用统计", "Gateway usage", "bar-chart", SharingPermissions.UsageRead, 37, "数据共享", "Data sharing"),
            new(ShellFace.Workbench, "/workbench/sharing/my-area", "本辖区数据", "My area's data", "environment", SharingPermissions.GrassrootsRead, 39, "数据共享", "Data sharing"),
            new(ShellFace.Workbench, "/workbench/sharing/needs", "数据需求", "Data needs", "bulb", SharingPermissions.NeedsPost, 38, "数据共享", "Data sharing"),
        ];
        foreach (var e in entries) services.AddSingleton(e);
    }
}
