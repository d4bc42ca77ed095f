using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Hosting;
using Qilu.Testing;
using Shouldly;

namespace Qilu.Host.Tests;

[Collection(SharedHost.Name)]
public sealed class DemoSeedLanesTests(QiluFixture host)
{
    private IDemoSeeder[] Seeders => [.. host.Factory.Services.GetServices<IDemoSeeder>()];

    [Fact]
    public void DependsOn_OfEveryHostSeeder_NamesOnlyRegisteredSeedersThatComeEarlier()
    {
        var names = Seeders.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

        foreach (var s in Seeders)
            (s.DependsOn ?? []).Where(n => !names.Contains(n)).ShouldBeEmpty($"{s.Name} names a seeder the host does not have");
        Should.NotThrow(() => DemoSeedPlan.Prerequisites(Seeders));
    }

    [Fact]
    public void Prerequisites_OfTheHostSeeders_FormTheDocumentedLanes()
    {
        var plan = DemoSeedPlan.Prerequisites(Seeders).ToDictionary(p => p.Key.Name, p => p.Value.Select(s => s.Name).Order(StringComparer.Ordinal).ToArray());

        plan[DemoSeederNames.IdentityProvince].ShouldBeEmpty();
        plan[DemoSeederNames.TrustSeals].ShouldBe([DemoSeederNames.IdentityProvince]);
        plan[DemoSeederNames.TrustCertificates].ShouldBe([DemoSeederNames.IdentityProvince, DemoSeederNames.TrustSeals]);
        plan[DemoSeederNames.Hotline].ShouldBe([DemoSeederNames.IdentityProvince]);
        plan[DemoSeederNames.Matters].ShouldBe([DemoSeederNames.IdentityProvince]);
        plan[DemoSeederNames.CatalogEntries].ShouldBe([DemoSeederNames.IdentityProvince]);
        plan[DemoSeederNames.CatalogResources].ShouldBe([DemoSeederNames.CatalogEntries, DemoSeederNames.IdentityProvince]);
        plan[DemoSeederNames.OpenData].ShouldBe([DemoSeederNames.CatalogEntries, DemoSeederNames.CatalogResources, DemoSeederNames.IdentityProvince]);
        plan[DemoSeederNames.Sharing].ShouldBe([DemoSeederNames.CatalogEntries, DemoSeederNames.CatalogResources, DemoSeederNames.IdentityProvince]);
    }
}
