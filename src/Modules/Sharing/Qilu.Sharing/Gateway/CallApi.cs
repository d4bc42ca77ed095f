using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Contracts;

namespace Qilu.Sharing.Gateway;

/// <summary>
/// GET|POST /api/sharing/gateway/{grantId}/resources/{resourceId}/api/{operationId}: a proxied call to an upstream API
/// mounted on the grant's entry. Path parameters of the operation's template come from query parameters of the same
/// name, the rest of the query and the body are forwarded. The upstream's JSON answer (an object or an array of
/// objects) is projected to the granted fields (or to those named by <c>fields=</c>) and masked like rows; anything else
/// is refused (502), never passed through unchecked. Under a row-scoped grant only objects inside the scope are kept
/// (an object outside it answers <c>data: null</c>).
/// </summary>
internal static partial class CallApi
{
    public const string HttpClientName = "sharing-upstream";

    public static void Map(IEndpointRouteBuilder gateway) =>
        gateway.MapMethods("/{grantId:guid}/resources/{resourceId:guid}/api/{operationId}", ["GET", "POST"], EndpointAsync)
            .WithName("GatewayCallApi").WithSummary("接口代理 / Proxied API call");

    private static Task<IResult> EndpointAsync(Guid grantId, Guid resourceId, string operationId, HttpContext ctx, GatewayPipeline pipeline,
        IServiceProvider services) =>
        pipeline.RunAsync(ctx, grantId, "api", false, (r, ct) => HandleAsync(r, ctx.Request.Method, resourceId, operationId, services, ct));

    internal static async Task<(GatewayAnswer?, GatewayRefusal?)> HandleAsync(GatewayRequest request, string method, Guid resourceId, string operationId,
        IServiceProvider services, CancellationToken ct)
    {
        var rows = services.GetService<IResourceRows>();
        if (rows is null) return (null, new GatewayRefusal(503, new("gateway.rows_unavailable", "资源库服务未启用", "The resource store is not available")));
        var api = await rows.FindApiAsync(resourceId, ct);
        if (api is null || api.EntryId != request.Grant.EntryId) return (null, GatewayRefusal.NotFound("接口资源", "API resource"));
        var op = api.Operations.FirstOrDefault(o => o.OperationId == operationId);
        if (op is null) return (null, GatewayRefusal.NotFound($"接口操作 {operationId}", $"Operation {operationId}"));
        if (!string.Equals(op.Method, method, StringComparison.OrdinalIgnoreCase))
            return (null, GatewayRefusal.BadRequest("api.method", $"接口操作 {operationId} 须使用 {op.Method.ToUpperInvariant()} 调用",
                $"Operation {operationId} takes {op.Method.ToUpperInvariant()}", "method"));

        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var missing = new List<string>();
        var path = TemplateParameter().Replace(op.PathTemplate, m =>
        {
            var name = m.Groups[1].Value;
            if (!query.Remove(name, out var value) || value.Length == 0) { missing.Add(name); return ""; }
            return Uri.EscapeDataString(value);
        });
        if (missing.Count > 0)
            return (null, GatewayRefusal.BadRequest("api.parameter_missing", $"缺少路径参数：{string.Join("、", missing)}",
                $"Missing path parameters: {string.Join(", ", missing)}", missing[0]));

        var granted = request.Grant.FieldList.ToHashSet(StringComparer.Ordinal);
        var released = op.ResponseFields.Where(granted.Contains).ToList();
        if (released.Count == 0)
            return (null, GatewayRefusal.Forbidden("fields.not_granted", "授权未包含该接口返回的任何信息项", "The grant releases no field this operation returns"));
        // ?fields= narrows the answer as on table resources: fields the operation does not return are a 400 naming
        // them, fields it returns but the grant does not release a 403 naming them (it used to be ignored).
        if (query.TryGetValue("fields", out var requested) && !string.IsNullOrWhiteSpace(requested))
        {
            var (names, refusal) = FieldSelection.Check(requested.ToString(), op.ResponseFields.Contains, granted, "接口没有返回这些信息项", "The operation returns no fields named");
            if (refusal is not null) return (null, refusal);
            released = names!;
        }
        var items = await services.GetRequiredService<ICatalogDirectory>().FieldGradesAsync(request.Grant.EntryId, ct);
        var elements = items.ToDictionary(i => i.Name, i => i.ElementIdentifier, StringComparer.Ordinal);
        // Row scope (行范围): the gateway cannot narrow the upstream's own query, so it tells the upstream the scope
        // (X-Qilu-Row-Scope) and keeps only answered objects whose 行政区划代码 lies inside it. An operation that answers
        // no field bound to 行政区划代码 cannot be scoped, and a row-scoped grant may not call it.
        var scope = request.Grant.RowScope;
        string? divisionField = null;
        if (scope is not null)
        {
            divisionField = op.ResponseFields.FirstOrDefault(f => elements.GetValueOrDefault(f) == StandardElementIds.DivisionCode);
            if (divisionField is null)
                return (null, GatewayRefusal.Forbidden("api.row_scope", $"授权限定了行范围（{scope}），但接口操作 {operationId} 不返回行政区划代码，无法按行范围提供",
                    $"The grant is limited to rows of {scope}, but operation {operationId} answers no 行政区划代码 to scope by"));
        }
        if (await request.ChargeAsync(ct) is { } charged) return (null, charged);

        var target = new UriBuilder(new Uri(api.BaseUrl, api.BaseUrl.AbsolutePath.TrimEnd('/') + path))
        {
            Query = string.Join('&', query.Where(q => q.Key != "fields").Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value))),
        }.Uri;
        using var upstream = new HttpRequestMessage(new HttpMethod(op.Method.ToUpperInvariant()), target);
        if (request.Body.Length > 0) upstream.Content = new ByteArrayContent(request.Body) { Headers = { { "Content-Type", "application/json" } } };
        upstream.Headers.Add("X-Qilu-Consumer", Uri.EscapeDataString(request.Grant.ConsumerName));
        upstream.Headers.Add("X-Qilu-Grant", request.Grant.Id.ToString());
        if (scope is not null) upstream.Headers.Add("X-Qilu-Row-Scope", scope);
        HttpResponseMessage response;
        try
        {
            response = await services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName).SendAsync(upstream, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return (null, new GatewayRefusal(502, new("upstream.unreachable", "上游接口无法访问", $"The upstream API is unreachable ({ex.GetType().Name})")));
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            JsonNode? node;
            try
            {
                node = text.Length == 0 ? null : JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                node = null;
            }
            if (node is not (JsonObject or JsonArray))
                return (null, new GatewayRefusal(502, new("upstream.not_json", $"上游接口返回的不是 JSON 对象（HTTP {(int)response.StatusCode}）",
                    $"The upstream did not answer a JSON object (HTTP {(int)response.StatusCode})")));
            var masking = request.Grant.MaskingRules;
            var count = 0;
            bool InScope(JsonObject o) => divisionField is null
                || (o.TryGetPropertyValue(divisionField, out var d) && d is JsonValue dv && dv.ToString().StartsWith(scope!, StringComparison.Ordinal));
            JsonNode Project(JsonObject o)
            {
                count++;
                var result = new JsonObject();
                foreach (var f in released)
                {
                    if (!o.TryGetPropertyValue(f, out var v)) continue;
                    var value = v is JsonValue jv ? jv.ToString() : v?.ToJsonString();
                    result[f] = FieldMasking.Apply(masking.GetValueOrDefault(f, MaskingRule.Redact), elements.GetValueOrDefault(f), value);
                }
                return result;
            }
            JsonNode? projected = node is JsonArray arr
                ? new JsonArray([.. arr.OfType<JsonObject>().Where(InScope).Select(Project)])
                : InScope((JsonObject)node) ? Project((JsonObject)node) : null;
            var body = new JsonObject
            {
                ["grantId"] = request.Grant.Id.ToString(), ["resourceId"] = resourceId.ToString(), ["operationId"] = operationId,
                ["upstreamStatus"] = (int)response.StatusCode, ["data"] = projected,
            };
            var status = response.IsSuccessStatusCode ? 200 : (int)response.StatusCode is >= 400 and < 500 ? (int)response.StatusCode : 502;
            return (new GatewayAnswer(body, count, released, resourceId, status), null);
        }
    }

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}")]
    private static partial Regex TemplateParameter();
}
