using System.Net.Http.Headers;

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Contracts;
using Qilu.Platform.Events;
using Qilu.SharedKernel.Actors;
using Qilu.Sharing.Auditing;
using Qilu.Sharing.Contracts;
using Qilu.Sharing.Data;
using Qilu.Sharing.Gateway;
using Qilu.Sharing.Usage;
using Qilu.Sharing.Verification;

namespace Qilu.Sharing.Subscriptions;

/// <summary>
/// Pushes a resource's changes to the subscribers that gave a callback: the changes after each subscription's cursor,
/// within its grant's fields and row scope, masked, as a JSON body signed with SM2 (<see cref="GatewayProtocol.SignatureHeader"/>,
/// <see cref="GatewayProtocol.KeyIdHeader"/>). The cursor advances only on a 2xx answer, so a redelivered event or a
/// failed callback sends the same changes again (at-least-once; consumers de-duplicate by sequence). Subscriptions
/// under a grant that is no longer active, or no longer allows the 接口 share method, receive nothing.
/// </summary>
internal sealed class WhenResourceRowsChanged(SharingDbContext db, IServiceProvider services, TimeProvider clock, VerificationSigner signer,
    IHttpClientFactory http, SharingAudit audit) : IIntegrationEventHandler<ResourceRowsChanged>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task HandleAsync(ResourceRowsChanged integrationEvent, CancellationToken cancellationToken)
    {
        var subs = await db.Subscriptions.Where(s => s.ResourceId == integrationEvent.ResourceId && s.Active && s.CallbackUrl != null).ToListAsync(cancellationToken);
        var rows = services.GetService<IResourceRows>();
        if (subs.Count == 0 || rows is null) return;
        var now = clock.GetUtcNow();
        foreach (var s in subs)
        {
            var grant = await db.Grants.AsNoTracking().FirstOrDefaultAsync(g => g.Id == s.GrantId, cancellationToken);
            if (grant is null || grant.EffectiveStatus(now) != "Active" || !grant.Allows(ShareMethod.Api)) continue;
            var (granted, refusal) = await GrantedResource.ResolveAsync(services, grant, s.ResourceId, null, cancellationToken);
            if (granted is null) continue;
            var changes = await rows.ChangesSinceAsync(s.ResourceId, s.DeliveredSequence, 500, granted.FieldNames, grant.RowScope, cancellationToken);
            if (changes.Count == 0) continue;
            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                subscriptionId = s.Id, grantId = grant.Id, resourceId = s.ResourceId, sentAt = now,
                changes = changes.Select(c => new { c.Sequence, key = granted.MaskKey(c.Key), c.Deleted, c.At, row = c.Row is null ? null : granted.Mask(c.Row) }),
            }, Json);
            var (keyId, signature) = await signer.SignAsync(VerificationSigner.NotificationPurpose, body, cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, s.CallbackUrl) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add(GatewayProtocol.SignatureHeader, signature);
            request.Headers.Add(GatewayProtocol.KeyIdHeader, keyId);
            int status;
            try
            {
                using var response = await http.CreateClient(CallApi.HttpClientName).SendAsync(request, cancellationToken);
                status = (int)response.StatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                status = 0;
            }
            s.LastDeliveryAt = now;
            s.LastDeliveryStatus = status;
            if (status is >= 200 and < 300)
            {
                s.DeliveredSequence = changes[^1].Sequence;
                s.Failures = 0;
            }
            else s.Failures++;
            db.Metering.Add(new MeteringRecord
            {
                At = now, GrantId = grant.Id, ClientId = s.ClientId, ConsumerUnitId = grant.ConsumerUnitId, ConsumerName = grant.ConsumerName,
                ConsumerDivision = grant.ConsumerDivision, ProviderUnitId = grant.ProviderUnitId, ProviderName = grant.ProviderName,
                ProviderDivision = grant.ProviderDivision, EntryId = grant.EntryId, EntryName = grant.EntryName, ResourceId = s.ResourceId,
                Operation = "webhook", Status = status, Rows = changes.Count, Fields = granted.Fields.Count, RequestHash = Convert.ToHexStringLower(
                    Qilu.Platform.Cryptography.Sm3.Hash(body)),
            });
            await db.SaveChangesAsync(cancellationToken);
            await audit.WriteAsync("sharing.webhook.delivered", "subscription", s.Id.ToString(), SystemActor, new
            {
                consumer = grant.ConsumerName, grant = grant.Id, purpose = grant.Purpose, fields = granted.FieldNames, rows = changes.Count, status,
                from = changes[0].Sequence, to = changes[^1].Sequence,
            }, status is >= 200 and < 300 ? "success" : "failure", cancellationToken);
        }
    }

    private static readonly Actor SystemActor = new(ActorKind.SystemClient, "qilu-sharing", "数据共享订阅推送", null, null,
        new HashSet<string>(), new HashSet<string>(), RealNameLevel.None);
}
