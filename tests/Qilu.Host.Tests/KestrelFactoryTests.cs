using System.Net;
using Qilu.Testing;
using Shouldly;

namespace Qilu.Host.Tests;

public sealed class KestrelFactoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartOnKestrel_ServesTheHostOnALoopbackPortForOutOfProcessClients()
    {
        await using var factory = new QiluFactory();

        var address = factory.StartOnKestrel();

        address.IsLoopback.ShouldBeTrue();
        address.Port.ShouldBeGreaterThan(0);
        // A plain client over TCP, as a browser would connect; not the in-memory test handler.
        using var client = new HttpClient { BaseAddress = address };
        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var blazor = await client.GetAsync(new Uri("/_framework/blazor.web.js", UriKind.Relative), Ct);
        blazor.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
