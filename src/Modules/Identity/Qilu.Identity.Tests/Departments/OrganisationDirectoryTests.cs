using Microsoft.Extensions.DependencyInjection;
using Qilu.Identity.Contracts;
using Shouldly;

namespace Qilu.Identity.Tests.Departments;

public sealed class OrganisationDirectoryTests(IdentityHostFixture fixture) : IClassFixture<IdentityHostFixture>
{
    private async Task<T> WithDirectory<T>(Func<IOrganisationDirectory, Task<T>> read)
    {
        using var scope = fixture.Host.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>());
    }

    [Fact]
    public async Task FindResponsibleUnit_WhenTheTownHasNoBureau_FallsBackToItsCounty()
    {
        var unit = await WithDirectory(d => d.FindResponsibleUnitAsync("civil_affairs", "370102001"));

        unit.ShouldNotBeNull();
        unit.DivisionCode.ShouldBe("370102");
        unit.Name.ShouldBe("历下区民政局");
        (await WithDirectory(d => d.FindUnitByCreditCodeAsync(unit.CreditCode)))!.Id.ShouldBe(unit.Id);
    }

    [Fact]
    public async Task Ancestry_WhenAskedForACounty_ListsCountyCityProvinceNearestFirst()
    {
        var chain = await WithDirectory(d => d.AncestryAsync("370102"));

        chain.Select(c => c.Code).ShouldBe(["370102", "370100", "370000"]);
    }

    [Fact]
    public async Task Children_WhenAskedForTheProvince_ListsItsSixteenCities()
    {
        var cities = await WithDirectory(d => d.ChildrenAsync("370000"));

        cities.Count.ShouldBe(16);
        cities[0].ShouldBe(new DivisionInfo("370100", "济南市", 2, "370000"));
    }

    [Fact]
    public async Task ListUnits_WhenScopedToACity_ReturnsOnlyThatCitysUnitsOfTheKind()
    {
        var units = await WithDirectory(d => d.ListUnitsAsync("370200", "market"));

        units.ShouldNotBeEmpty();
        units.ShouldAllBe(u => u.DivisionCode.StartsWith("3702") && u.Kind == "market");
    }
}
