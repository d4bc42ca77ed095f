using Microsoft.Extensions.DependencyInjection;
using Qilu.Matters.Contracts;
using Qilu.Platform.Modules;

namespace Qilu.Matters;

/// <summary>The Matters module's entries in the portal and the admin console.</summary>
internal static class MattersMenu
{
    public static void Add(IServiceCollection services)
    {
        MenuEntry[] entries =
        [
            new(ShellFace.Portal, "/portal/matters", "办事服务", "Services", "solution", null, 10),
            new(ShellFace.Admin, "/admin/matters", "事项目录", "Matter catalog", "profile", MattersPermissions.CatalogRead, 110, "政务服务", "Services"),
            new(ShellFace.Admin, "/admin/bundles", "一件事", "Bundles", "cluster", MattersPermissions.CatalogRead, 120, "政务服务", "Services"),
            new(ShellFace.Admin, "/admin/matters/deviations", "同标准无差别", "Deviation report", "diff", MattersPermissions.CatalogRead, 130, "政务服务", "Services"),
            new(ShellFace.Admin, "/admin/matters/transfer", "导入导出", "Import / export", "swap", MattersPermissions.CatalogTransfer, 140, "政务服务", "Services"),
        ];
        foreach (var e in entries) services.AddSingleton(e);
    }
}
