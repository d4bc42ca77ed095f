using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Shouldly;
using static Qilu.Catalog.Tests.Resources.ResourceApi;

namespace Qilu.Catalog.Tests.Resources;

/// <summary>
/// The resource and data-element reads kept for one request (<see cref="CatalogReads"/>) with a pooled Catalog context
/// (ADR 0018 addendum 8): a save in the same scope forgets them, and a later request reads afresh even when it leases
/// the same pooled context instance.
/// </summary>
public abstract class CatalogReadsTestsBase(CatalogFixture fixture)
{
    private CatalogHost Host => fixture.Host;

    [Fact]
    public async Task Reads_WhenTheScopeSavesAChange_AreReadAgain()
    {
        var (_, resource) = await PublishedTableAsync(Host, "历下区读取缓存测试一");
        var id = Guid.Parse(resource);
        using var scope = Host.Services.CreateScope();
        var rows = scope.ServiceProvider.GetRequiredService<IResourceRows>();
        var before = (await rows.FindResourceAsync(id, TestContext.Current.CancellationToken))!.Name;

        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var tracked = await db.Resources.SingleAsync(r => r.Id == id, TestContext.Current.CancellationToken);
        tracked.Name = before + "（改）";
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        (await rows.FindResourceAsync(id, TestContext.Current.CancellationToken))!.Name.ShouldBe(before + "（改）");
    }

    [Fact]
    public async Task Reads_OfOneRequest_DoNotReachTheNextOnAPooledContext()
    {
        var (_, resource) = await PublishedTableAsync(Host, "历下区读取缓存测试二");
        var id = Guid.Parse(resource);
        var ct = TestContext.Current.CancellationToken;
        string first;
        using (var a = Host.Services.CreateScope())
            first = (await a.ServiceProvider.GetRequiredService<IResourceRows>().FindResourceAsync(id, ct))!.Name;
        // Changed without SaveChanges (so nothing is told): only a fresh read can see it.
        using (var b = Host.Services.CreateScope())
        {
            await b.ServiceProvider.GetRequiredService<CatalogDbContext>().Resources.Where(r => r.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Name, first + "（新）"), ct);
        }
        using var c = Host.Services.CreateScope();
        (await c.ServiceProvider.GetRequiredService<IResourceRows>().FindResourceAsync(id, ct))!.Name.ShouldBe(first + "（新）");
    }
}

public sealed class CatalogReadsTests(CatalogHostFixture fixture) : CatalogReadsTestsBase(fixture), IClassFixture<CatalogHostFixture>;

[Collection("catalog-postgres")]
public sealed class PostgresCatalogReadsTests(CatalogPostgresFixture fixture) : CatalogReadsTestsBase(fixture), IClassFixture<CatalogPostgresFixture>;
