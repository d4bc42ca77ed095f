using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Contracts;
using Qilu.Identity.Contracts;
using Qilu.OpenData.Data;
using Qilu.Platform.Events;

namespace Qilu.OpenData.Tests;

/// <summary>
/// One demo host per test class. Publishes, once, the open entry 社会组织登记信息 of 历下区民政局 (as its officer
/// lx.official) with a mounted table of three rows, so the API tests have a dataset to read.
/// </summary>
public sealed class OpenDataFixture : IAsyncLifetime
{
    public OpenDataHost Host { get; } = new();

    public Guid EntryId { get; private set; }

    public Guid TableId { get; private set; }

    public string DatasetName { get; private set; } = "";

    public Guid DatasetId { get; private set; }

    public Guid ResourceId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await DrainAsync(Host);
        var unit = await UnitAsync(Host, "civil_affairs", "370102");
        EntryId = await EntryAsync(Host, unit, "社会组织登记信息");
        TableId = Host.Rows.AddTable(EntryId, "社会组织登记表",
            [new("统一社会信用代码", "DE0006", DataGrade.L1, false), new("社会组织名称", "DE0007", DataGrade.L1, false), new("法定代表人", "DE0008", DataGrade.L1, false)],
            "统一社会信用代码",
            [
                Row(("统一社会信用代码", "51370102MJD000001A"), ("社会组织名称", "历下区青年志愿者协会"), ("法定代表人", "张明")),
                Row(("统一社会信用代码", "51370102MJD000002B"), ("社会组织名称", "历下区老年人体育协会"), ("法定代表人", "李华")),
                Row(("统一社会信用代码", "52370102MJD000003C"), ("社会组织名称", "历下区阳光社会工作服务中心"), ("法定代表人", "王芳")),
            ]);
        var officer = await Host.ApiAsync("lx.official");
        var response = await officer.PostAsJsonAsync("/api/opendata/datasets", new
        {
            entryId = EntryId, tags = new[] { "社会组织", "民政" }, licenseId = "cc-by-4.0",
        });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"publish failed {(int)response.StatusCode}: {body}");
        using var doc = System.Text.Json.JsonDocument.Parse(body);
        DatasetName = doc.RootElement.GetProperty("name").GetString()!;
        DatasetId = doc.RootElement.GetProperty("id").GetGuid();
        using var scope = Host.Services.CreateScope();
        ResourceId = await scope.ServiceProvider.GetRequiredService<OpenDataDbContext>().Resources.Where(r => r.DatasetId == DatasetId).Select(r => r.Id).SingleAsync();
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    internal static IReadOnlyDictionary<string, string?> Row(params (string Field, string? Value)[] values) => values.ToDictionary(v => v.Field, v => v.Value);

    /// <summary>Delivers every outbox now (the catalog's publication events reach OpenData's candidates).</summary>
    internal static async Task DrainAsync(OpenDataHost host)
    {
        foreach (var d in host.Services.GetServices<IOutboxDispatcher>()) await d.DispatchPendingAsync(CancellationToken.None);
    }

    internal static async Task<Guid> UnitAsync(OpenDataHost host, string kind, string division)
    {
        using var scope = host.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>().FindResponsibleUnitAsync(kind, division))!.Id;
    }

    /// <summary>The published catalog entry of <paramref name="unit"/> named <paramref name="name"/>, found through OpenData's candidates.</summary>
    internal static async Task<Guid> EntryAsync(OpenDataHost host, Guid unit, string name)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenDataDbContext>();
        var catalog = scope.ServiceProvider.GetRequiredService<ICatalogDirectory>();
        foreach (var id in await db.Candidates.Where(c => c.ProviderUnitId == unit).Select(c => c.EntryId).ToListAsync())
            if ((await catalog.FindPublishedEntryAsync(id))?.Name == name) return id;
        throw new InvalidOperationException($"No published entry {name} of unit {unit}");
    }
}
