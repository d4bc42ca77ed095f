using Microsoft.Extensions.DependencyInjection;
using Qilu.Identity.Contracts;
using Qilu.Platform.Cryptography.Keys;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Certificates;
using Qilu.Trust.Data;
using Qilu.Trust.Tests.Seals;

namespace Qilu.Trust.Tests.Certificates;

internal static class CertificateFlows
{
    public static readonly string BusinessLicence = CertificateTypeSeed.NationalBodyCode("MB000001") + "001";
    public static readonly string BirthCertificate = CertificateTypeSeed.NationalBodyCode("MB000002") + "001";
    public static readonly string DrivingLicence = CertificateTypeSeed.NationalBodyCode("MB000003") + "002";

    public static Dictionary<string, string> LicenceFields() => new()
    {
        ["entityType"] = "有限责任公司（自然人投资或控股）", ["legalRepresentative"] = "李四", ["registeredCapital"] = "100万元人民币",
        ["establishedOn"] = "2020-05-20", ["address"] = "山东省济南市历下区泉城路1号", ["businessScope"] = "软件开发；信息技术咨询服务",
    };

    /// <summary>A fresh, valid 统一社会信用代码 (企业, 历下区) so tests sharing the host do not see each other's holders.</summary>
    public static string NewCreditCode()
    {
        var org = System.Security.Cryptography.RandomNumberGenerator.GetInt32(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var first17 = "91370102" + org + Qilu.SharedKernel.Identifiers.CreditCode.ComputeOrganizationCheckCharacter(org);
        return first17 + Qilu.SharedKernel.Identifiers.CreditCode.ComputeCheckCharacter(first17);
    }

    public static IssueCertificate.Request Licence(string creditCode = "91110108MA0000015T") =>
        new(BusinessLicence, "济南泉城软件有限公司", creditCode, null, LicenceFields());

    public static Task<Result<CertificateView>> IssueAsync(TrustHost host, Actor actor, IssueCertificate.Request request) => host.RunAsync(sp =>
        IssueCertificate.HandleAsync(actor, request, sp.GetRequiredService<CertificateIssuer>(), sp.GetRequiredService<IOrganisationDirectory>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TrustAudit>(), TestContext.Current.CancellationToken));

    public static Task<Result<GetCertificate.Response>> GetAsync(TrustHost host, Actor actor, Guid id, TimeProvider? clock = null) => host.RunAsync(sp =>
        GetCertificate.HandleAsync(actor, id, sp.GetRequiredService<TrustDbContext>(), sp.GetRequiredService<IKeyStore>(),
            clock ?? sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TrustAudit>(), TestContext.Current.CancellationToken));

    public static Task<Result<CertificateView>> ChangeAsync(TrustHost host, Actor actor, Guid id, string action, string? reason = "测试原因") =>
        host.RunAsync(sp => ChangeCertificateStatus.HandleAsync(actor, id, action, new ChangeCertificateStatus.Request(reason, null),
            sp.GetRequiredService<TrustDbContext>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TrustAudit>(),
            TestContext.Current.CancellationToken));

    /// <summary>The market bureau of a division with a business seal in use, and its official.</summary>
    public static async Task<Actor> MarketIssuerAsync(TrustHost host, string division)
    {
        var (official, _) = await SealFlows.InUseAsync(host, "market", division, "Business");
        return official;
    }
}
