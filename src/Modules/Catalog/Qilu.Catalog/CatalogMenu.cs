using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Contracts;
using Qilu.Platform.Modules;

namespace Qilu.Catalog;

/// <summary>The Catalog module's entries in the workbench and the admin console.</summary>
internal static class CatalogMenu
{
    public static void Add(IServiceCollection services)
    {
        MenuEntry[] entries =
        [
            new(ShellFace.Workbench, "/workbench/catalog", "数据目录", "Data catalog", "database", CatalogPermissions.EntriesRead, 30, "数据共享", "Data sharing"),
            new(ShellFace.Workbench, "/workbench/catalog/mine", "本单位目录", "My unit's entries", "edit", CatalogPermissions.EntriesEdit, 31, "数据共享", "Data sharing"),
            new(ShellFace.Workbench, "/workbench/catalog/claim", "目录认领", "Claim entries", "file-add", CatalogPermissions.EntriesEdit, 32, "数据共享", "Data sharing"),
            new(ShellFace.Workbench, "/workbench/catalog/objections", "数据异议", "Data objections", "exception", CatalogPermissions.EntriesRead, 34, "数据共享", "Data sharing"),
            new(ShellFace.Workbench, "/workbench/catalog/review", "目录审核", "Catalog review", "audit", CatalogPermissions.EntriesReview, 33, "数据共享", "Data sharing"),
            new(ShellFace.Admin, "/admin/catalog/elements", "数据元", "Data elements", "tags", CatalogPermissions.ElementsRead, 80, "数据治理", "Data governance"),
        ];
        foreach (var e in entries) services.AddSingleton(e);
    }
}
