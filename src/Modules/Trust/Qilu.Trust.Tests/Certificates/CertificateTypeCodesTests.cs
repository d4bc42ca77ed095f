using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.SharedKernel.Identifiers;
using Qilu.Trust.Certificates;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;
using Qilu.Trust.Seals;
using Shouldly;

namespace Qilu.Trust.Tests.Certificates;

/// <summary>The published type codes are the seeded ones, and the demo's issuing units can sign.</summary>
[Collection(TrustHostGroup.Name)]
public sealed class CertificateTypeCodesTests(TrustHost host)
{
    [Fact]
    public void Constants_WhenComparedWithTheSeed_AreExactlyTheSeededCodes()
    {
        string[] constants = [.. typeof(CertificateTypeCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!)];
        constants.Order().ShouldBe(CertificateTypeSeed.All().Select(t => t.Code).Order());
        foreach (var code in constants) CreditCode.Parse(code[..18]).IsSuccess.ShouldBeTrue(code);
        CertificateTypeSeed.All().Single(t => t.Name == "出生医学证明").Code.ShouldBe(CertificateTypeCodes.BirthCertificate);
    }

    [Fact]
    public async Task DemoSeeder_WhenTheHostStarted_GaveEachIssuingUnitOfTheDemoDivisionsAnAuditedSealInUse()
    {
        var units = await host.RunAsync(async sp =>
        {
            var seals = await sp.GetRequiredService<TrustDbContext>().Seals.AsNoTracking()
                .Where(s => s.Status == SealStatus.InUse && s.AppliedBy.StartsWith("system:trust-seed")).ToListAsync(TestContext.Current.CancellationToken);
            return seals.Select(s => (s.DivisionCode, s.UnitName, s.ApprovedBy, s.CertificateSerial)).ToList();
        });
        units.Count.ShouldBe(TrustDemoSeeder.Divisions.Length * TrustDemoSeeder.IssuerKinds.Length);
        units.ShouldAllBe(u => u.ApprovedBy == "system:trust-seed" && u.CertificateSerial != null);
        units.ShouldContain(u => u.DivisionCode == "370102" && u.UnitName.Contains("卫生健康"));
    }
}
