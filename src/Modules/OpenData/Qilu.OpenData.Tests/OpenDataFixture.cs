using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Contracts;
using Qilu.Identity.Contracts;
using Qilu.OpenData.Data;
using Qilu.Platform.Events;
using Qilu.Platform.Persistence;

namespace Qilu.OpenData.Tests;

/// <summary>
/// One demo host per test class (SQLite). Publishes, once, the open entry 社会组织登记信息 of 历下区民政局 (as its officer
/// lx.official) after mounting a table on it and importing three rows through Catalog's own API, so the API tests read
/// rows through the real <see cref="IResourceRows"/>.
/// </summary>
public class OpenDataFixture : IAsyncLifetime
{
    /// <summary>The three rows of the fixture's table, as CSV.</summary>
    public static readonly string SocialOrganisationsCsv = "统一社会信用代码,社会组织名称,法定代表人\n" +
        $"{TestCodes.Credit("51370102", 1)},历下区青年志愿者协会,张明\n{TestCodes.Credit("51370102", 2)},历下区老年人体育协会,李华\n" +
        $"{TestCodes.Credit("52370102", 3)},历下区阳光社会工作服务中心,王芳\n";

    private readonly Lazy<OpenDataHost> _host;

    public OpenDataFixture() : this(DatabaseProvider.Sqlite)
    {
    }

    protected OpenDataFixture(DatabaseProvider provider) => _host = new(() => new OpenDataHost(provider));

    public OpenDataHost Host => _host.Value;

    public Guid EntryId { get; private set; }

    public Guid TableId { get; private set; }

    public string DatasetName { get; private set; } = "";

    public Guid DatasetId { get; private set; }

    public Guid ResourceId { get; private set; }

    /// <summary>Why the fixture did not start (PostgreSQL not configured), or null.</summary>
    public virtual string? SkipReason => null;

    public async ValueTask InitializeAsync()
    {
        if (SkipReason is not null) return;
        await DrainAsync(Host);
        var unit = await UnitAsync(Host, "civil_affairs", "370102");
        EntryId = await EntryAsync(Host, unit, "社会组织登记信息");
        var officer = await Host.ApiAsync("lx.official");
        TableId = await MountTableAsync(officer, EntryId, "社会组织登记表", "统一社会信用代码", SocialOrganisationsCsv);
        var response = await officer.PostAsJsonAsync("/api/opendata/datasets", new
        {
            entryId = EntryId, tags = new[] { "社会组织", "民政" }, licenseId = "cc-by-4.0",
        });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"publish failed {(int)response.StatusCode}: {body}");
        using var doc = JsonDocument.Parse(body);
        DatasetName = doc.RootElement.GetProperty("name").GetString()!;
        DatasetId = doc.RootElement.GetProperty("id").GetGuid();
        using var scope = Host.Services.CreateScope();
        ResourceId = await scope.ServiceProvider.GetRequiredService<OpenDataDbContext>().Resources.Where(r => r.DatasetId == DatasetId).Select(r => r.Id).SingleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host.IsValueCreated) await Host.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Mounts a table on <paramref name="entryId"/> and imports <paramref name="csv"/> through Catalog's API (the
    /// officer needs 挂接资源与导入数据); returns the Catalog resource id.</summary>
    internal static async Task<Guid> MountTableAsync(HttpClient officer, Guid entryId, string name, string keyField, string csv)
    {
        var mounted = await officer.PostAsJsonAsync($"/api/catalog/entries/{entryId}/resources/table", new { name, keyField });
        var mountBody = await mounted.Content.ReadAsStringAsync();
        if (!mounted.IsSuccessStatusCode) throw new InvalidOperationException($"mount failed {(int)mounted.StatusCode}: {mountBody}");
        var id = JsonDocument.Parse(mountBody).RootElement.GetProperty("id").GetGuid();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        var imported = await officer.PostAsync($"/api/catalog/resources/{id}/imports?format=csv", content);
        var importBody = await imported.Content.ReadAsStringAsync();
        if (!imported.IsSuccessStatusCode) throw new InvalidOperationException($"import failed {(int)imported.StatusCode}: {importBody}");
        if (JsonDocument.Parse(importBody).RootElement.GetProperty("rejected").GetInt32() != 0) throw new InvalidOperationException($"rows rejected: {importBody}");
        return id;
    }

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

/// <summary>The same fixture on a fresh PostgreSQL database of the <c>QILU_TEST_POSTGRES</c> server; does nothing
/// (and its tests skip) when the variable is not set.</summary>
public sealed class PostgresOpenDataFixture() : OpenDataFixture(DatabaseProvider.PostgreSql)
{
    public override string? SkipReason => TestEnvironment.PostgresConnectionString is null ? TestEnvironment.PostgresSkipMessage : null;
}
