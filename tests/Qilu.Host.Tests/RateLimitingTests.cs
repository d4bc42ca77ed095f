using System.Net;
using System.Text.Json;
using Qilu.Testing;
using Shouldly;

namespace Qilu.Host.Tests;

public sealed class RateLimitingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_Ping_WhenPublicBucketIsEmpty_Returns429ProblemWithRetryAfter()
    {
        await using var factory = new QiluFactory(new QiluFactoryOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["Qilu:RateLimiting:Public:TokenLimit"] = "2",
                ["Qilu:RateLimiting:Public:TokensPerPeriod"] = "1",
                ["Qilu:RateLimiting:Public:PeriodSeconds"] = "30",
            },
        });
        using var client = factory.CreateClient();

        (await client.GetAsync(new Uri("/api/ping", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(new Uri("/api/ping", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var rejected = await client.GetAsync(new Uri("/api/ping", UriKind.Relative), Ct);

        rejected.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        rejected.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var retryAfter = rejected.Headers.RetryAfter?.Delta ?? TimeSpan.Zero;
        retryAfter.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        using var json = JsonDocument.Parse(await rejected.Content.ReadAsStringAsync(Ct));
        json.RootElement.GetProperty("status").GetInt32().ShouldBe(429);
        json.RootElement.GetProperty("title").GetString().ShouldBe("请求过于频繁 / Too many requests");
    }

    [Fact]
    public async Task Get_Healthz_WhenGlobalLimitIsExhausted_IsNeverThrottled()
    {
        await using var factory = new QiluFactory(new QiluFactoryOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["Qilu:RateLimiting:Global:Enabled"] = "true",
                ["Qilu:RateLimiting:Global:TokenLimit"] = "1",
                ["Qilu:RateLimiting:Global:TokensPerPeriod"] = "1",
                ["Qilu:RateLimiting:Global:PeriodSeconds"] = "60",
            },
        });
        using var client = factory.CreateClient();

        (await client.GetAsync(new Uri("/api/does-not-exist", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri("/api/does-not-exist", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        for (var i = 0; i < 3; i++)
            (await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
