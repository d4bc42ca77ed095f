using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Qilu.Sharing.Tests.Support;

/// <summary>
/// Stands in for systems outside the platform: an upstream API the gateway proxies (answers a licence record as
/// JSON, or plain text at <c>/text</c>) and consumer callbacks that receive webhook notifications (recorded).
/// </summary>
public sealed class FakeUpstream : HttpMessageHandler
{
    public ConcurrentQueue<(Uri Uri, string Body, Dictionary<string, string> Headers)> Received { get; } = new();

    /// <summary>The paths and bodies of the callback notifications answered 2xx, in arrival order.</summary>
    public ConcurrentQueue<(string Path, string Body)> Accepted { get; } = new();

    /// <summary>What a callback path answers instead of 204 (a consumer system that is down or refusing); remove to recover.</summary>
    public ConcurrentDictionary<string, HttpStatusCode> CallbackStatus { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Callback paths that never answer (a consumer system that hangs): a push there completes the path's source, so
    /// that a test knows it is in flight, and then waits until it is cancelled.
    /// </summary>
    public ConcurrentDictionary<string, TaskCompletionSource> CallbackHold { get; } = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Received.Enqueue((request.RequestUri!, body, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase)));
        var path = request.RequestUri!.AbsolutePath;
        if (path.StartsWith("/callback", StringComparison.Ordinal))
        {
            if (CallbackHold.TryGetValue(path, out var hold))
            {
                hold.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            if (CallbackStatus.TryGetValue(path, out var status)) return new HttpResponseMessage(status);
            Accepted.Enqueue((path, body));
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }
        if (path.EndsWith("/text", StringComparison.Ordinal))
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("not json", Encoding.UTF8, "text/plain") };
        if (path.EndsWith("/outlets", StringComparison.Ordinal))
        {
            // A list across divisions, for row scope: the gateway must keep only the grant's own.
            const string outlets = """[{"企业名称":"历下甲店","行政区划代码":"370102"},{"企业名称":"市中乙店","行政区划代码":"370103"},{"企业名称":"历下丙店","行政区划代码":"370102"}]""";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(outlets, Encoding.UTF8, "application/json") };
        }
        var code = path.Split('/')[^1];
        var json = $$"""{"统一社会信用代码":"{{code}}","企业名称":"济南测试食品有限公司","法定代表人":"王小明","联系电话":"13805310000","内部备注":"不应外泄"}""";
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}
