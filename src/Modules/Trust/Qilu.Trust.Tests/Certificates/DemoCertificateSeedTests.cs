using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Hosting;
using Qilu.Testing;
using Qilu.Trust.Certificates;
using Qilu.Trust.Data;
using Shouldly;

namespace Qilu.Trust.Tests.Certificates;

/// <summary>
/// The demo seeders run on every start; issuing is not idempotent, so the certificate seeder must notice its own work
/// (before ADR 0020 every start put two more certificates into 张三's wallet).
/// </summary>
public sealed class DemoCertificateSeedTests
{
    [Fact]
    public async Task DemoCertificateSeeder_WhenRunAgainOnASeededDatabase_IssuesNothingMore()
    {
        await using var host = new QiluFactory(new QiluFactoryOptions
        {
            Settings = new Dictionary<string, string?> { ["Qilu:Trust:DemoCertificates"] = "true" },
        });
        var ct = TestContext.Current.CancellationToken;
        async Task<int> SeededAsync()
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<TrustDbContext>().Certificates.CountAsync(c => c.CreatedBy == "system:trust-seed", ct);
        }

        (await SeededAsync()).ShouldBe(2, "the first start issues 张三's 居民身份证 and 不动产权证书");

        var seeder = host.Services.GetServices<IDemoSeeder>().OfType<TrustDemoCertificateSeeder>().Single();
        (await seeder.SeedAsync(host.Services, ct)).ShouldBeEmpty();

        (await SeededAsync()).ShouldBe(2);
    }
}
