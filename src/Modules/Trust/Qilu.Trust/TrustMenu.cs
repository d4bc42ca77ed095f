using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Modules;
using Qilu.Trust.Contracts;

namespace Qilu.Trust;

/// <summary>The Trust module's menu entries.</summary>
internal static class TrustMenu
{
    public static void Add(IServiceCollection services)
    {
        MenuEntry[] entries =
        [
            new(ShellFace.Admin, "/admin/trust/seals", "电子印章", "Seals", "safety-certificate", TrustPermissions.SealsRead, 80, "可信服务", "Trust"),
            new(ShellFace.Workbench, "/workbench/certificates", "电子证照", "Certificates", "idcard", TrustPermissions.CertificatesRead, 60),
            new(ShellFace.Portal, "/portal/wallet", "我的证照", "My certificates", "wallet", null, 40),
            new(ShellFace.Portal, "/verify", "证照核验", "Verify a certificate", "scan", null, 50),
        ];
        foreach (var e in entries) services.AddSingleton(e);
    }
}
