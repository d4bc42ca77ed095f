using Microsoft.Extensions.DependencyInjection;
using Qilu.OpenData.Contracts;
using Qilu.Platform.Modules;

namespace Qilu.OpenData;

/// <summary>The OpenData module's entries in the portal and the admin console.</summary>
internal static class OpenDataMenu
{
    public static void Add(IServiceCollection services)
    {
        MenuEntry[] entries =
        [
            new(ShellFace.Portal, "/opendata", "数据开放", "Open data", "cloud-download", null, 40),
            new(ShellFace.Admin, "/admin/opendata", "开放数据发布", "Open data publishing", "cloud-upload", OpenDataPermissions.Publish, 85, "数据治理", "Data governance"),
        ];
        foreach (var e in entries) services.AddSingleton(e);
    }
}
