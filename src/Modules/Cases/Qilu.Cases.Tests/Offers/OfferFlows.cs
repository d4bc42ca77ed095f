using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Identity.Contracts;
using Qilu.Platform.Events;
using Qilu.Trust.Contracts;
using Shouldly;

namespace Qilu.Cases.Tests.Offers;

/// <summary>Shared steps of the offer tests: the demo parent, a 出生医学证明 issued by the hospital's health bureau, the offers list.</summary>
internal static class OfferFlows
{
    /// <summary>张三 of the demo (历下区), the parent in these tests: the 出生医学证明 is held under their identifier.</summary>
    public static readonly string ParentId = People.Id("370102", "19880315", 101);

    public static async Task<PersonProfile> ParentAsync(CasesHost host)
    {
        using var scope = host.Services.CreateScope();
        var parent = await scope.ServiceProvider.GetRequiredService<IPersonDirectory>().FindByIdNumberAsync(ParentId);
        parent.ShouldNotBeNull("the demo seeds 张三 with this 公民身份号码");
        return parent;
    }

    public static Dictionary<string, string> BirthFields(string certificateNumber) => new()
    {
        ["gender"] = "女", ["bornAt"] = "2026-11-20 08:30", ["birthPlace"] = "山东省立医院", ["motherName"] = "张三", ["certificateNumber"] = certificateNumber,
    };

    /// <summary>The 历下区 health bureau issues a 出生医学证明 for the baby under the parent's identifier (through Trust's API, signed with its demo seal).</summary>
    public static async Task<JsonElement> IssueBirthCertificateAsync(CasesHost host, string officialLogin, string babyName, string certificateNumber)
    {
        using var hospital = await host.OfficialAsync(officialLogin, "health");
        return await hospital.PostAsJsonAsync("/api/trust/certificates", new
        {
            typeCode = CertificateTypeCodes.BirthCertificate, holderName = babyName, holderIdentifier = ParentId, fields = BirthFields(certificateNumber),
        }).OkAsync(HttpStatusCode.Created);
    }

    public static async Task<List<JsonElement>> OffersAsync(HttpClient citizen) =>
        [.. (await citizen.GetAsync("/api/cases/offers").OkAsync()).EnumerateArray()];

    /// <summary>Delivers a CertificateIssued event to the Cases module's handler directly (as the outbox would, possibly again).</summary>
    public static async Task DeliverAsync(CasesHost host, CertificateIssued e)
    {
        using var scope = host.Services.CreateScope();
        foreach (var handler in scope.ServiceProvider.GetServices<IIntegrationEventHandler<CertificateIssued>>())
            await handler.HandleAsync(e, CancellationToken.None);
    }

    public static CertificateIssued BirthEvent(string holderSubjectId, string babyName, DateTimeOffset now) => new(Guid.NewGuid(), "test-licence-" + babyName,
        CertificateTypeCodes.BirthCertificate, "出生医学证明", babyName, "person", "370102********1013", holderSubjectId, Guid.NewGuid(), "历下区卫生健康局",
        "370102", DateOnly.FromDateTime(now.UtcDateTime), null, null, BirthFields("Q000000001")) { OccurredAt = now };
}
