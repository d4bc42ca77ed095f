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
            new(ShellFace.Portal, "/portal/code", "个人码", "Personal code", "qrcode", null, 41),
            new(ShellFace.Workbench, "/workbench/codes/scan", "扫码用证", "Scan a personal code", "scan", TrustPermissions.CodesScan, 61),
            new(ShellFace.Workbench, "/workbench/certificates/issue", "颁发证照", "Issue a certificate", "file-add", TrustPermissions.CertificatesIssue, 62),
            new(ShellFace.Workbench, "/workbench/trust/federation", "跨省调证", "Cross-region certificates", "global", TrustPermissions.FederationRequest, 63),
            new(ShellFace.Admin, "/admin/trust/types", "证照类型", "Certificate types", "profile", TrustPermissions.TypesManage, 81, "可信服务", "Trust"),
            new(ShellFace.Admin, "/admin/trust/ca", "平台 CA", "Platform CA", "safety", TrustPermissions.CaRead, 82, "可信服务", "Trust"),
        ];
        foreach (var e in entries) services.AddSingleton(e);
    }
}
