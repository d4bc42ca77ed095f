using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Audit;
using Qilu.Platform.Cryptography;
using Qilu.Platform.Events;
using Qilu.Sharing.Data;
using Shouldly;

namespace Qilu.Sharing.Tests.Support;

/// <summary>Reads what the gateway left behind (metering, audit) and checks the binding hash exactly as a consumer would.</summary>
internal static class Probe
{
    // Metering records are written from the audit log a moment after each call (ADR 0018 addendum 7): every read first
    // projects what the log already holds, as the projector's next round would.
    public static Task<int> MeteringCountAsync(SharingHost host, Guid grant) =>
        host.RunAsync(async sp =>
        {
            await sp.GetRequiredService<Qilu.Sharing.Usage.MeteringProjector>().CatchUpAsync();
            return await sp.GetRequiredService<SharingDbContext>().Metering.CountAsync(m => m.GrantId == grant);
        });

    public static Task<List<Qilu.Sharing.Usage.MeteringRecord>> MeteringAsync(SharingHost host, Guid grant) =>
        host.RunAsync(async sp =>
        {
            await sp.GetRequiredService<Qilu.Sharing.Usage.MeteringProjector>().CatchUpAsync();
            return await sp.GetRequiredService<SharingDbContext>().Metering.AsNoTracking().Where(m => m.GrantId == grant).ToListAsync();
        });

    public static async Task<IReadOnlyList<AuditEntry>> AuditAsync(SharingHost host, string? actorId, string prefix, int atLeast = 1)
    {
        for (var i = 0; ; i++)
        {
            var page = await host.RunAsync(sp => sp.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery
            {
                ActorId = actorId, ActionPrefix = prefix, Page = new Qilu.SharedKernel.Paging.PageRequest(1, 200),
            }));
            if (page.Items.Count >= atLeast || i == 50) return page.Items;
            await Task.Delay(100);
        }
    }

    /// <summary>Recomputes X-Qilu-Request-Hash and X-Qilu-Binding-Hash from the documented canonical form and compares.</summary>
    public static async Task ShouldCarryValidBindingAsync(HttpResponseMessage response, string clientId, byte[]? requestBody = null)
    {
        var request = response.RequestMessage!;
        var uri = request.RequestUri!;
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        var pairs = query.AllKeys.SelectMany(k => query.GetValues(k)!.Select(v => (Name: k!, Value: v)))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value));
        var canonical = string.Join('\n', "QILU-GW-1", request.Method.Method.ToUpperInvariant(), uri.AbsolutePath, string.Join('&', pairs), clientId,
            Sm3.HashHex(requestBody ?? []));
        var requestHash = Sm3.Hash(Encoding.UTF8.GetBytes(canonical));
        response.Headers.GetValues("X-Qilu-Request-Hash").Single().ShouldBe(Convert.ToHexStringLower(requestHash));
        var body = await response.Content.ReadAsByteArrayAsync();
        var binding = Sm3.HashHex([.. requestHash, .. Sm3.Hash(body)]);
        response.Headers.GetValues("X-Qilu-Binding-Hash").Single().ShouldBe(binding);
    }

    public static async Task DispatchOutboxesAsync(SharingHost host)
    {
        foreach (var d in host.Services.GetServices<IOutboxDispatcher>()) await d.DispatchPendingAsync(CancellationToken.None);
    }

    /// <summary>
    /// Dispatches the outboxes (the imports' change events mark subscriptions due) and runs a delivery round, which
    /// waits for a round of the host's own loop in progress: every subscription due by then has been pushed.
    /// </summary>
    public static async Task DeliverSubscriptionsAsync(SharingHost host)
    {
        await DispatchOutboxesAsync(host);
        await host.Services.GetRequiredService<Qilu.Sharing.Subscriptions.SubscriptionDelivery>().DeliverDueAsync();
    }

    /// <summary>Waits (at most 15 s) until <paramref name="condition"/> holds; fails naming <paramref name="what"/> otherwise.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (started.Elapsed > TimeSpan.FromSeconds(15)) throw new Xunit.Sdk.XunitException($"Timed out waiting until {what}.");
            await Task.Delay(20);
        }
    }

    public static async Task<string> CodeOfAsync(HttpResponseMessage r)
    {
        var json = await SharingHost.ReadJsonAsync(r);
        return json.GetProperty("errors")[0].GetProperty("code").GetString()!;
    }

    public static void ShouldBe(this HttpResponseMessage r, HttpStatusCode status) =>
        r.StatusCode.ShouldBe(status, r.Content.ReadAsStringAsync().Result);
}
