using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Trust.Contracts;
using Shouldly;

namespace Qilu.Cases.Tests.Offers;

/// <summary>
/// 主动服务 end to end over HTTP on the real catalog and the real Trust module: a 出生医学证明 issued → 新生儿出生一件事
/// offered to the parent → the parent confirms → four departments each accept and conclude their sub-case → the
/// certificates the matters result in are issued, signed, into the wallets.
/// </summary>
public sealed class NewbornOfferEndToEndTests(RealCatalogHost host) : IClassFixture<RealCatalogHost>
{
    private static readonly string[] Kinds = ["health", "public_security", "medical_insurance", "hrss"];

    private static readonly string Baby = People.Id("370102", "20261120", 112);

    [Fact]
    public async Task BirthCertificateIssued_WhenTheParentConfirmsAndFourDepartmentsConclude_CertificatesReachTheWallets()
    {
        var parent = await OfferFlows.ParentAsync(host);
        using var citizen = await host.CitizenAsync("张三");
        var issued = await OfferFlows.IssueBirthCertificateAsync(host, "lx.hospital1", "张小花", "Q370102001");
        await host.DrainOutboxAsync();

        // The offer: to the parent, prefilled from the certificate, showing its origin, open for 30 days.
        var offer = (await OfferFlows.OffersAsync(citizen)).Single(o => o.GetProperty("origin").GetProperty("licenceId").GetString() == issued.GetProperty("licenceId").GetString());
        offer.GetProperty("bundleCode").GetString().ShouldBe("newborn");
        offer.GetProperty("status").GetString().ShouldBe("open");
        offer.GetProperty("origin").GetProperty("certificateName").GetString().ShouldBe("出生医学证明");
        offer.GetProperty("origin").GetProperty("issuerName").GetString()!.ShouldContain("卫生健康");
        var prefill = offer.GetProperty("prefill");
        prefill.GetProperty("新生儿姓名").GetString().ShouldBe("张小花");
        prefill.GetProperty("出生日期").GetString().ShouldBe("2026-11-20");
        prefill.GetProperty("出生地点").GetString().ShouldBe("山东省立医院");
        offer.GetProperty("fromAccount").EnumerateArray().Select(k => k.GetString()).ShouldBe(["母亲公民身份号码"]);
        (offer.GetProperty("expiresAt").GetDateTimeOffset() - offer.GetProperty("createdAt").GetDateTimeOffset()).ShouldBe(TimeSpan.FromDays(30));

        // The parent confirms instead of applying: only what the certificate cannot know is asked.
        var photo = await citizen.UploadAsync([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x01, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82], "photo.png");
        var offerId = offer.GetProperty("id").GetGuid();
        var answers = new
        {
            form = new Dictionary<string, object?> { ["新生儿公民身份号码"] = Baby, ["落户随从"] = "随母", ["户籍地址"] = "济南市历下区泉城路1号", ["371100104000_mail"] = false },
            materials = new[] { new { key = "name:近期免冠证件照片", fileId = photo } },
            consent = true,
        };
        var created = await citizen.PostAsJsonAsync($"/api/cases/offers/{offerId}/confirm", answers).OkAsync(HttpStatusCode.Created);
        var caseId = created.Id();
        var subCases = created.GetProperty("subCases").EnumerateArray().ToList();
        subCases.Count.ShouldBe(4);
        created.GetProperty("fieldsPrefilled").GetInt32().ShouldBeGreaterThanOrEqualTo(6);
        // Confirming again returns the same case (the offer is the idempotency key).
        (await citizen.PostAsJsonAsync($"/api/cases/offers/{offerId}/confirm", answers).OkAsync(HttpStatusCode.Created)).Id().ShouldBe(caseId);
        var confirmed = (await OfferFlows.OffersAsync(citizen)).Single(o => o.GetProperty("id").GetGuid() == offerId);
        confirmed.GetProperty("status").GetString().ShouldBe("confirmed");
        confirmed.GetProperty("caseId").GetGuid().ShouldBe(caseId);

        foreach (var kind in Kinds)
        {
            using var officer = await host.OfficialAsync($"lx.offer.{kind.Replace('_', '-')}1", kind);
            var inbox = await officer.GetAsync("/api/cases/inbox").OkAsync();
            var mine = inbox.EnumerateArray().Select(i => i.GetProperty("case")).Single(c => subCases.Any(s => s.GetProperty("id").GetGuid() == c.GetProperty("id").GetGuid()));
            foreach (var action in new[] { "accept", "pass", "approve", "deliver" })
                await officer.ActAsync(mine.GetProperty("id").GetGuid(), action).OkAsync();
        }
        var done = await citizen.GetAsync($"/api/cases/{caseId}").OkAsync();
        done.Status().ShouldBe("delivered");
        done.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ShouldContain("offer_confirmed");
        await host.DrainOutboxAsync();

        // The parent's wallet: the 居民户口簿 (held by the applicant) and the 出生医学证明 of the health sub-case, each signed by its department.
        var wallet = (await citizen.GetAsync("/api/trust/wallet").OkAsync()).EnumerateArray().ToList();
        var register = wallet.Single(c => c.GetProperty("typeCode").GetString() == CertificateTypeCodes.HouseholdRegister);
        register.GetProperty("issuerName").GetString()!.ShouldContain("公安");
        register.GetProperty("status").GetString().ShouldBe("valid");
        wallet.Count(c => c.GetProperty("typeCode").GetString() == CertificateTypeCodes.BirthCertificate).ShouldBe(2, "the hospital's and the health sub-case's");
        // The baby's 社会保障卡, held under the baby's own identifier.
        using (var scope = host.Services.CreateScope())
        {
            var held = await scope.ServiceProvider.GetRequiredService<ICertificateWallet>().ListHeldAsync(Baby);
            var card = held.ShouldHaveSingleItem();
            card.TypeCode.ShouldBe(CertificateTypeCodes.SocialSecurityCard);
            card.HolderName.ShouldBe("张小花");
            card.IssuerName.ShouldContain("人力资源");
        }
        // The certificates the bundle's own cases asked for offer nothing new: the parent is already doing it.
        (await OfferFlows.OffersAsync(citizen)).Count(o => o.GetProperty("bundleCode").GetString() == "newborn" && o.GetProperty("status").GetString() == "open").ShouldBe(0);
        parent.SubjectId.ShouldNotBeNullOrEmpty();
    }
}
