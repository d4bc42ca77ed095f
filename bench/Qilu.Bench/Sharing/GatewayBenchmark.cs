extern alias QiluHost;

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Qilu.Bench.Http;
using Qilu.Catalog.Contracts;
using Qilu.Identity.Contracts;
using Qilu.SharedKernel.Identifiers;
using Qilu.Sharing.Contracts;
using Qilu.Sharing.Data;
using Qilu.Sharing.Grants;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qilu.Bench.Sharing;

/// <summary>
/// Sharing gateway (issue 4): query-by-key through the gateway — client-credentials token, grant read from the
/// database, state and period, rate limit, atomic quota UPDATE, key validation against its data element, projection,
/// masking by grade, binding hash, one metering row and one audit-log entry per call — under closed-loop HTTP load on
/// Kestrel (SQLite), next to a bare read of the same row over HTTP measured in the same run (the ratio).
/// Usage: <c>gateway [seconds=10] [workers=32] [rows=10000]</c>.
/// </summary>
internal static class GatewayBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var workers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
        var rowCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
        Console.WriteLine($"# load average at start {BenchOptions.LoadAverage()}; {Environment.ProcessorCount} cores");

        var entryId = Guid.NewGuid();
        var table = new MountedResourceInfo(Guid.NewGuid(), entryId, ResourceKind.Table, "人口基础信息表",
        [
            new ResourceColumn("公民身份号码", "DE0001", DataGrade.L4, true), new ResourceColumn("姓名", "DE0002", DataGrade.L3, true),
            new ResourceColumn("联系电话", "DE0011", DataGrade.L3, true), new ResourceColumn("行政区划代码", "DE0009", DataGrade.L1, false),
        ], "公民身份号码", "行政区划代码", rowCount, rowCount, null);
        var rows = new BenchResourceRows(table);
        var keys = new string[rowCount];
        for (var i = 0; i < rowCount; i++)
        {
            var first17 = string.Create(CultureInfo.InvariantCulture, $"370102{1950 + i / 12000 % 50:D4}{1 + i / 1000 % 12:D2}{1 + i % 28:D2}{i % 1000:D3}");
            var id = first17 + IdNumber.ComputeCheckCharacter(first17);
            keys[i] = id;
            rows.Add(new ResourceRow(id, new Dictionary<string, string?>
            {
                ["公民身份号码"] = id, ["姓名"] = "张三丰", ["联系电话"] = $"138{i:D8}", ["行政区划代码"] = "370102",
            }, "370102", DateTimeOffset.UnixEpoch));
        }

        var port = BenchOptions.FreePort();
        var dataDir = Directory.CreateTempSubdirectory("qilu-gateway-bench-").FullName;
        await using var factory = new WebApplicationFactory<QiluHost::Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseContentRoot(Path.Combine(BenchOptions.RepositoryRoot(), "src", "Qilu.Host"));
            b.UseSetting("Qilu:DataDirectory", dataDir);
            b.UseSetting("Qilu:Demo:Enabled", "true");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseUrls($"http://127.0.0.1:{port}");
            b.ConfigureServices(s =>
            {
                s.AddSingleton<IResourceRows>(rows);
                s.AddSingleton<IStartupFilter>(new DirectReadEndpoint(rows, table.ResourceId));
            });
        });
        factory.UseKestrel(port);
        factory.StartServer();
        var services = factory.Services;

        var (grantId, clientId, secret) = await SetUpAsync(services, entryId);
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        using var client = LoadGenerator.NewClient(baseAddress, workers);
        using (var token = await client.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
               {
                   ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = GatewayProtocol.Scope,
               })))
        {
            var text = await token.Content.ReadAsStringAsync();
            if (token.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException(text);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonDocument.Parse(text).RootElement.GetProperty("access_token").GetString());
        }

        var gatewayPath = $"api/sharing/gateway/{grantId}/resources/{table.ResourceId}/keys/";
        Func<HttpClient, CancellationToken, Task<string?>> gateway = async (c, ct) =>
        {
            var key = keys[Random.Shared.Next(keys.Length)];
            using var r = await c.GetAsync(gatewayPath + key + "?fields=" + Uri.EscapeDataString("姓名,联系电话"), ct);
            var body = await r.Content.ReadAsStringAsync(ct);
            return r.StatusCode == HttpStatusCode.OK && body.Contains("\"found\":true", StringComparison.Ordinal) && body.Contains("138****", StringComparison.Ordinal)
                && r.Headers.Contains(GatewayProtocol.BindingHashHeader) ? null : $"gateway {(int)r.StatusCode} {body[..Math.Min(200, body.Length)]}";
        };
        Func<HttpClient, CancellationToken, Task<string?>> direct = async (c, ct) =>
        {
            var key = keys[Random.Shared.Next(keys.Length)];
            using var r = await c.GetAsync("bench/direct/" + key, ct);
            var body = await r.Content.ReadAsStringAsync(ct);
            return r.StatusCode == HttpStatusCode.OK && body.Contains("13", StringComparison.Ordinal) ? null : $"direct {(int)r.StatusCode}";
        };

        await LoadGenerator.RunAsync("warm-up", client, 8, TimeSpan.FromSeconds(3), gateway);
        await LoadGenerator.RunAsync("warm-up", client, 8, TimeSpan.FromSeconds(1), direct);
        var d = await LoadGenerator.RunAsync("direct read (HTTP, no grant)", client, workers, TimeSpan.FromSeconds(seconds), direct);
        Print(d);
        var g = await LoadGenerator.RunAsync("gateway query-by-key", client, workers, TimeSpan.FromSeconds(seconds), gateway);
        Print(g);
        var metering = await CountMeteringAsync(services, grantId);
        Console.WriteLine($"gateway ÷ direct throughput = {BenchOptions.F(g.PerSecond / d.PerSecond, 3)}");
        Console.WriteLine($"metering rows for the grant: {BenchOptions.N0(metering)} (≥ served calls {BenchOptions.N0(g.Ok)})");
        Console.WriteLine($"# load average at end {BenchOptions.LoadAverage()}");
        var pass = g.PerSecond >= 2000 && g.P(0.99) <= 25 && g.PerSecond / d.PerSecond >= 0.5 && g.Errors == 0;
        Console.WriteLine(pass ? "targets met (≥ 2,000/s, p99 ≤ 25 ms, ratio ≥ 0.5)" : "targets NOT met (≥ 2,000/s, p99 ≤ 25 ms, ratio ≥ 0.5)");
        return 0;
    }

    private static void Print(LoadResult r) => Console.WriteLine(
        $"{r.Name}: {r.Workers} workers, {BenchOptions.N0(r.Ok)} ok, {r.Errors} errors in {BenchOptions.F(r.Elapsed.TotalSeconds, 1)} s = {BenchOptions.N0(r.PerSecond)}/s; " +
        $"p50 {BenchOptions.F(r.P(0.50), 2)} ms, p95 {BenchOptions.F(r.P(0.95), 2)} ms, p99 {BenchOptions.F(r.P(0.99), 2)} ms{(r.FirstError is null ? "" : "; first error: " + r.FirstError)}");

    private static async Task<long> CountMeteringAsync(IServiceProvider services, Guid grant)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SharingDbContext>();
        return db.Metering.LongCount(m => m.GrantId == grant);
    }

    private static readonly string[] SystemClientRoles = ["system_client"];

    private static async Task<(Guid Grant, string ClientId, string Secret)> SetUpAsync(IServiceProvider services, Guid entryId)
    {
        await using var scope = services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>();
        var consumer = (await directory.ListUnitsAsync("370102", "health")).First(u => u.DivisionCode == "370102");
        var provider = (await directory.ListUnitsAsync("370102", "public_security")).First(u => u.DivisionCode == "370102");
        var db = scope.ServiceProvider.GetRequiredService<SharingDbContext>();
        var grant = new Grant
        {
            ConsumerUnitId = consumer.Id, ConsumerName = consumer.Name, ConsumerDivision = consumer.DivisionCode, EntryId = entryId, EntryCode = "370102-1-BENCH",
            EntryName = "人口基础信息（基准测试）", ProviderUnitId = provider.Id, ProviderName = provider.Name, ProviderDivision = provider.DivisionCode,
            Purpose = "基准测试", Fields = "公民身份号码\n姓名\n联系电话", Masking = "公民身份号码=Partial\n姓名=Partial\n联系电话=Partial", RowScope = "370102",
            DailyQuota = 1_000_000_000, RatePerSecond = 100_000, ValidFrom = DateTimeOffset.UnixEpoch, ValidUntil = DateTimeOffset.UnixEpoch.AddYears(100),
            CreatedAt = DateTimeOffset.UnixEpoch,
        };
        db.Grants.Add(grant);
        await db.SaveChangesAsync();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        var d = new OpenIddictApplicationDescriptor { ClientId = "bench-consumer", ClientSecret = secret, DisplayName = "基准测试使用单位系统", ClientType = ClientTypes.Confidential };
        d.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + GatewayProtocol.Scope]);
        d.Properties["unit"] = JsonSerializer.SerializeToElement(consumer.Id.ToString());
        d.Properties["unit_name"] = JsonSerializer.SerializeToElement(consumer.Name);
        d.Properties["division"] = JsonSerializer.SerializeToElement(consumer.DivisionCode);
        d.Properties["roles"] = JsonSerializer.SerializeToElement(SystemClientRoles);
        await manager.CreateAsync(d);
        return (grant.Id, "bench-consumer", secret);
    }

    /// <summary>GET /bench/direct/{key}: the same row read straight from the rows service as JSON — no token, grant, quota, audit or metering.</summary>
    private sealed class DirectReadEndpoint(IResourceRows rows, Guid resource) : IStartupFilter
    {
        private static readonly string[] Fields = ["姓名", "联系电话"];

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/bench/direct", direct => direct.Run(async ctx =>
            {
                var key = ctx.Request.Path.Value!.TrimStart('/');
                var row = await rows.FindByKeyAsync(resource, key, Fields, null, ctx.RequestAborted);
                ctx.Response.ContentType = "application/json; charset=utf-8";
                await JsonSerializer.SerializeAsync(ctx.Response.Body, row?.Values, cancellationToken: ctx.RequestAborted);
            }));
            next(app);
        };
    }
}
