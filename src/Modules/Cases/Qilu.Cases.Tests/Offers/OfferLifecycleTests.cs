using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Cases.Data;
using Shouldly;

namespace Qilu.Cases.Tests.Offers;

/// <summary>Offers as slices: the handler is idempotent per event, an offer can be declined once, and offers expire.</summary>
public sealed class OfferLifecycleTests(RealCatalogHost host) : IClassFixture<RealCatalogHost>
{
    [Fact]
    public async Task CertificateIssued_WhenDeliveredTwice_CreatesOneOffer()
    {
        var parent = await OfferFlows.ParentAsync(host);
        using var citizen = await host.CitizenAsync("张三");
        var e = OfferFlows.BirthEvent(parent.SubjectId, "重复宝", host.Clock.GetUtcNow());
        await OfferFlows.DeliverAsync(host, e);
        await OfferFlows.DeliverAsync(host, e);
        (await OfferFlows.OffersAsync(citizen)).Count(o => o.GetProperty("origin").GetProperty("eventId").GetGuid() == e.EventId).ShouldBe(1);
    }

    [Fact]
    public async Task CertificateIssued_WhenTheHolderHasNoAccount_OffersNothing()
    {
        using var citizen = await host.CitizenAsync("张三");
        var before = (await OfferFlows.OffersAsync(citizen)).Count;
        var e = OfferFlows.BirthEvent("no-such-account", "无账户宝", host.Clock.GetUtcNow()) with { HolderSubjectId = null };
        await OfferFlows.DeliverAsync(host, e);
        (await OfferFlows.OffersAsync(citizen)).Count.ShouldBe(before);
    }

    [Fact]
    public async Task Decline_WhenOpen_IsRecordedAndTheOfferCannotBeConfirmedAfterwards()
    {
        var parent = await OfferFlows.ParentAsync(host);
        using var citizen = await host.CitizenAsync("张三");
        var e = OfferFlows.BirthEvent(parent.SubjectId, "谢绝宝", host.Clock.GetUtcNow());
        await OfferFlows.DeliverAsync(host, e);
        var offer = (await OfferFlows.OffersAsync(citizen)).Single(o => o.GetProperty("origin").GetProperty("eventId").GetGuid() == e.EventId);
        var id = offer.GetProperty("id").GetGuid();

        var declined = await citizen.PostAsJsonAsync($"/api/cases/offers/{id}/decline", new { reason = "已在外省办理" }).OkAsync();
        declined.GetProperty("status").GetString().ShouldBe("declined");
        declined.GetProperty("answeredAt").GetDateTimeOffset().ShouldBe(host.Clock.GetUtcNow());
        (await citizen.PostAsJsonAsync($"/api/cases/offers/{id}/decline", new { }).OkAsync(HttpStatusCode.Conflict)).Codes().ShouldContain("offer.not_open");
        (await citizen.PostAsJsonAsync($"/api/cases/offers/{id}/confirm", new { consent = true }).OkAsync(HttpStatusCode.Conflict)).Codes().ShouldContain("offer.not_open");

        // Someone else's offer is not found for another person.
        using var other = await host.CitizenAsync("李四");
        (await other.PostAsJsonAsync($"/api/cases/offers/{id}/decline", new { }).OkAsync(HttpStatusCode.NotFound)).GetProperty("status").GetInt32().ShouldBe(404);
    }

    [Fact]
    public async Task Offer_WhenItsTimeHasPassed_ExpiresAndCannotBeConfirmed()
    {
        var parent = await OfferFlows.ParentAsync(host);
        using var citizen = await host.CitizenAsync("张三");
        var e = OfferFlows.BirthEvent(parent.SubjectId, "过期宝", host.Clock.GetUtcNow());
        await OfferFlows.DeliverAsync(host, e);
        var id = (await OfferFlows.OffersAsync(citizen)).Single(o => o.GetProperty("origin").GetProperty("eventId").GetGuid() == e.EventId).GetProperty("id").GetGuid();
        // The shared host's clock drives the workflow timers: instead of moving it by 30 days, this offer's end is brought near.
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
            var offer = await db.Offers.SingleAsync(o => o.Id == id);
            db.Entry(offer).Property(o => o.ExpiresAt).CurrentValue = host.Clock.GetUtcNow().AddMinutes(1);
            await db.SaveChangesAsync();
        }
        (await OfferFlows.OffersAsync(citizen)).Single(o => o.GetProperty("id").GetGuid() == id).GetProperty("status").GetString().ShouldBe("open");
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        var expired = (await OfferFlows.OffersAsync(citizen)).Single(o => o.GetProperty("id").GetGuid() == id);
        expired.GetProperty("status").GetString().ShouldBe("expired");
        (await citizen.PostAsJsonAsync($"/api/cases/offers/{id}/confirm", new { consent = true }).OkAsync(HttpStatusCode.Conflict)).Codes().ShouldContain("offer.not_open");
    }
}
