using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Identity.Contracts;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Certificates;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;
using Qilu.Trust.Verification;
using Shouldly;

namespace Qilu.Trust.Tests.Certificates;

[Collection(TrustHostGroup.Name)]
public sealed class BatchIssuanceTests(TrustHost host)
{
    private Task<Result<IssueCertificates.Response>> IssueAsync(Qilu.SharedKernel.Actors.Actor actor, List<IssueCertificate.Request> items) =>
        host.RunAsync(sp => IssueCertificates.HandleAsync(actor, new IssueCertificates.Request(items), sp.GetRequiredService<CertificateIssuer>(),
            sp.GetRequiredService<IOrganisationDirectory>(), sp.GetRequiredService<TrustAudit>(), TestContext.Current.CancellationToken));

    [Fact]
    public async Task IssueBatch_WhenAllValid_SignsEachInParallelWithDistinctSlotsAndEachVerifies()
    {
        var official = await CertificateFlows.MarketIssuerAsync(host, "370117");
        var items = Enumerable.Range(0, 40).Select(_ => CertificateFlows.Licence(CertificateFlows.NewCreditCode())).ToList();

        var result = await IssueAsync(official, items);

        result.IsSuccess.ShouldBeTrue(result.ToString());
        result.Value.Count.ShouldBe(40);
        var ids = result.Value.Certificates.Select(c => c.Id).ToList();
        var rows = await host.RunAsync(sp => sp.GetRequiredService<TrustDbContext>().Certificates.AsNoTracking()
            .Where(c => ids.Contains(c.Id)).ToListAsync(TestContext.Current.CancellationToken));
        rows.Count.ShouldBe(40);
        rows.Select(r => (r.StatusListId, r.StatusIndex)).Distinct().Count().ShouldBe(40);
        // Each signature, made on the parallel path, verifies over its own canonical form through the QR check.
        foreach (var row in rows.Take(5))
        {
            var payload = (await CertificateFlows.GetAsync(host, official, row.Id)).Value.QrPayload;
            var report = await host.RunAsync(sp => VerifyQr.HandleAsync(payload, sp.GetRequiredService<TrustDbContext>(),
                sp.GetRequiredService<SealKeyCache>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TrustAudit>(),
                TestContext.Current.CancellationToken));
            report.Value.Outcome.ShouldBe("valid");
        }
    }

    [Fact]
    public async Task IssueBatch_WhenOneItemIsInvalid_NamesTheItemAndIssuesNothing()
    {
        var official = await CertificateFlows.MarketIssuerAsync(host, "370126");
        var good = CertificateFlows.NewCreditCode();
        var items = new List<IssueCertificate.Request> { CertificateFlows.Licence(good), CertificateFlows.Licence("91110108AM0000015T") };

        var result = await IssueAsync(official, items);

        result.Kind.ShouldBe(ErrorKind.Validation);
        result.Errors.ShouldContain(e => e.Field == "items[1].holderIdentifier");
        var held = await host.RunAsync(sp => sp.GetRequiredService<ICertificateWallet>().ListHeldAsync(good, null, TestContext.Current.CancellationToken));
        held.ShouldBeEmpty();
    }

    [Fact]
    public async Task IssueBatch_WhenTooLargeOrEmpty_RefusesBeforeIssuing()
    {
        var official = await CertificateFlows.MarketIssuerAsync(host, "370124");
        (await IssueAsync(official, [])).Errors.ShouldContain(e => e.Code == "certificate.batch_empty" && e.Field == "items");
        var tooMany = Enumerable.Repeat(CertificateFlows.Licence(), IssueCertificates.MaxItems + 1).ToList();
        (await IssueAsync(official, tooMany)).Errors.ShouldContain(e => e.Code == "certificate.batch_too_large");
    }
}
