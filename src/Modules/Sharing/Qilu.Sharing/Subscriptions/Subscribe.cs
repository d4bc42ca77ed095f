using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Sharing.Data;
using Qilu.Sharing.Gateway;

namespace Qilu.Sharing.Subscriptions;

/// <summary>
/// POST /api/sharing/gateway/{grantId}/subscriptions {resourceId, callbackUrl?}: the consumer subscribes to changes of
/// a resource of its grant. The change feed is always available; with a callback (absolute http(s) URL) the changes
/// are also pushed as signed notifications (<see cref="SubscriptionDelivery"/>). The feed starts at the resource's
/// current sequence.
/// </summary>
internal static class Subscribe
{
    public sealed record Request(Guid? ResourceId, string? CallbackUrl);

    public sealed record Response(Guid Id, Guid GrantId, Guid ResourceId, string? CallbackUrl, long FromSequence);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder gateway) => gateway.MapPost("/{grantId:guid}/subscriptions",
            (Guid grantId, HttpContext ctx, GatewayPipeline p, IServiceProvider sp) => p.RunAsync(ctx, grantId, "subscribe", false, (r, ct) => HandleAsync(r, sp, ct)))
        .WithName("GatewaySubscribe").WithSummary("订阅资源变更 / Subscribe to changes").Accepts<Request>("application/json").Produces<Response>();

    internal static async Task<(GatewayAnswer?, GatewayRefusal?)> HandleAsync(GatewayRequest r, IServiceProvider sp, CancellationToken ct)
    {
        Request? q;
        try
        {
            q = r.Body.Length == 0 ? null : JsonSerializer.Deserialize<Request>(r.Body, Json);
        }
        catch (JsonException)
        {
            q = null;
        }
        if (q?.ResourceId is not { } resourceId) return (null, GatewayRefusal.BadRequest("required", "须指定资源", "resourceId is required", "resourceId"));
        if (q.CallbackUrl is not null && (!Uri.TryCreate(q.CallbackUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || q.CallbackUrl.Length > 500))
            return (null, GatewayRefusal.BadRequest("callback.invalid", "回调地址须为完整的 http(s) 地址", "callbackUrl must be an absolute http(s) URL", "callbackUrl"));
        var (granted, refusal) = await GrantedResource.ResolveAsync(sp, r.Grant, resourceId, null, ct);
        if (granted is null) return (null, refusal);
        if (await r.ChargeAsync(ct) is { } charged) return (null, charged);
        var db = sp.GetRequiredService<SharingDbContext>();
        var s = new Subscription
        {
            GrantId = r.Grant.Id, ResourceId = resourceId, ConsumerUnitId = r.Grant.ConsumerUnitId, ClientId = r.Actor.SubjectId,
            CallbackUrl = q.CallbackUrl, DeliveredSequence = granted.Resource.ChangeSequence, CreatedAt = r.Now,
        };
        db.Subscriptions.Add(s);
        await db.SaveChangesAsync(ct);
        return (new GatewayAnswer(new Response(s.Id, s.GrantId, resourceId, s.CallbackUrl, s.DeliveredSequence), 0, [], resourceId), null);
    }
}
