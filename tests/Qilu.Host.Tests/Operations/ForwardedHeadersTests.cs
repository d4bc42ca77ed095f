using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Shouldly;

namespace Qilu.Host.Tests.Operations;

public sealed class ForwardedHeadersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void MapEcho(WebApplication app) =>
        app.MapGet("/api/whoami", (HttpContext c) => $"{c.Connection.RemoteIpAddress} {c.Request.Scheme}");

    [Theory]
    [InlineData("true", "203.0.113.7 https")]
    [InlineData("false", "127.0.0.1 http")]
    public async Task Get_FromLoopbackProxy_UsesForwardedClientOnlyWhenEnabled(string enabled, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Qilu:ForwardedHeaders"] = enabled };
        await using var app = await OperationsApp.StartAsync(MapEcho, settings: settings, kestrel: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/whoami");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await app.Client.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe(expected);
    }
}
