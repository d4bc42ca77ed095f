using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Identity.Contracts;
using Qilu.Platform.Hosting;
using Qilu.SharedKernel.Identifiers;
using Qilu.Trust.Auditing;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;

namespace Qilu.Trust.Certificates;

/// <summary>
/// Puts two certificates in the demo citizen 张三's wallet — a 居民身份证 and a 不动产权证书 for a flat in 历下区 — issued
/// and signed by the real issuer with the units' demo seals, so the portal shows once-only service at work: the
/// 不动产转移登记 form fills the certificate number and address from the wallet and asks for neither material.
/// <c>Qilu:Trust:DemoCertificates=false</c> leaves the wallets empty (suites that count certificates).
/// </summary>
internal sealed class TrustDemoCertificateSeeder : IDemoSeeder
{
    /// <summary>After the seals (150): issuing needs a seal in use.</summary>
    public int Order => 160;

    public string Name => DemoSeederNames.TrustCertificates;

    /// <summary>张三 (Identity demo) and the issuers' seals.</summary>
    public IReadOnlyCollection<string>? DependsOn => [DemoSeederNames.IdentityProvince, DemoSeederNames.TrustSeals];

    private const string SeedCreator = "system:trust-seed";

    public async Task<IReadOnlyList<DemoCredential>> SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<IConfiguration>().GetValue("Qilu:Trust:DemoCertificates", true) is false) return [];
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        // Once: seeders run on every start, and issuing is not idempotent (each start added two more certificates).
        if (await sp.GetRequiredService<TrustDbContext>().Certificates.AnyAsync(c => c.CreatedBy == SeedCreator, cancellationToken)) return [];
        // 张三 as the Identity demo seeds him (历下区, born 1988-03-15, sequence 101); found through the directory so a
        // changed demo simply gets no certificates rather than certificates for nobody.
        var first17 = "370102" + "19880315" + "101";
        var idNumber = first17 + IdNumber.ComputeCheckCharacter(first17);
        if (await sp.GetRequiredService<IPersonDirectory>().FindByIdNumberAsync(idNumber, cancellationToken) is not { Name: "张三" }) return [];
        var directory = sp.GetRequiredService<IOrganisationDirectory>();
        var issuer = sp.GetRequiredService<CertificateIssuer>();
        var audit = sp.GetRequiredService<TrustAudit>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        await IssueAsync("public_security", CertificateTypeCodes.ResidentIdCard, today.AddYears(20), new()
        {
            ["gender"] = "男", ["ethnicity"] = "汉", ["birthDate"] = "1988-03-15", ["address"] = "山东省济南市历下区泉城路1号3单元502室",
            ["issuingAuthority"] = "济南市公安局历下分局",
        });
        await IssueAsync("natural_resources", CertificateTypeCodes.RealPropertyCertificate, null, new()
        {
            ["certificateNumber"] = string.Create(CultureInfo.InvariantCulture, $"鲁（{today.Year - 2}）济南市不动产权第0012345号"),
            ["unitNumber"] = "370102001001GB00001F00010001", ["location"] = "济南市历下区泉城路1号3单元502室",
            ["rightType"] = "国有建设用地使用权/房屋所有权", ["use"] = "城镇住宅用地/住宅", ["area"] = "89.50平方米",
        });
        return [];

        async Task IssueAsync(string kind, string type, DateOnly? validUntil, Dictionary<string, string> fields)
        {
            var unit = await directory.FindResponsibleUnitAsync(kind, "370102", cancellationToken);
            if (unit is null) return;
            var issued = await issuer.IssueAsync(unit, new CertificateIssuer.Draft(type, "张三", idNumber, validUntil, fields), SeedCreator, null, cancellationToken);
            if (!issued.IsSuccess)
                throw new InvalidOperationException("Demo certificate seed failed: " + string.Join("; ", issued.Errors));
            await issuer.SaveAsync(cancellationToken);
            await audit.WriteAsync("trust.certificates.issued", "certificate", issued.Value.Id.ToString(), "success", SeedActor(unit),
                new { issued.Value.LicenceId, issued.Value.TypeCode, holder = issued.Value.HolderIdMasked, demo = true }, cancellationToken);
        }
    }

    private static Qilu.SharedKernel.Actors.Actor SeedActor(UnitInfo unit) => new(Qilu.SharedKernel.Actors.ActorKind.Official, "system:trust-seed",
        "电子证照演示数据", unit.DivisionCode, unit.Id, new HashSet<string>(), new HashSet<string>(), Qilu.SharedKernel.Actors.RealNameLevel.None);
}
