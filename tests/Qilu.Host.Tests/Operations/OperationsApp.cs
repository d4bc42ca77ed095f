using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Qilu.Host.Operations;

namespace Qilu.Host.Tests.Operations;

/// <summary>
/// A bare web app with only the operations plumbing and the endpoints a test maps, to exercise error handling
/// and limits against endpoints the real modules do not have yet (a throwing handler, a JSON body).
/// </summary>
internal sealed class OperationsApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OperationsApp(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<OperationsApp> StartAsync(Action<WebApplication> map, string environment = "Production",
        IReadOnlyDictionary<string, string?>? settings = null, bool kestrel = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        if (kestrel) builder.WebHost.UseUrls("http://127.0.0.1:0");
        else builder.WebHost.UseTestServer();
        builder.AddQiluOperations();
        var app = builder.Build();
        app.UseQiluOperations();
        map(app);
        app.MapQiluOperations();
        await app.StartAsync();
        HttpClient client;
        if (kestrel)
        {
            client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        }
        else
        {
            client = app.GetTestClient();
        }
        return new OperationsApp(app, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
