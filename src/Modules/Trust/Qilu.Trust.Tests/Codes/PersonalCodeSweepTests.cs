using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Qilu.Trust.Codes;
using Qilu.Trust.Data;
using Qilu.Trust.Wallet;
using Shouldly;

namespace Qilu.Trust.Tests.Codes;

[Collection(TrustHostGroup.Name)]
public sealed class PersonalCodeSweepTests(TrustHost host)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private Task<bool> ExistsAsync(string subject, DateTimeOffset expiresAt) => host.RunAsync(sp =>
        sp.GetRequiredService<TrustDbContext>().PersonalCodes.AsNoTracking().AnyAsync(c => c.HolderSubject == subject && c.ExpiresAt == expiresAt, Ct));

    private PersonalCodeSweep Sweeper(TimeProvider clock) =>
        new(host.Factory.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<PersonalCodeSweep>.Instance);

    [Fact]
    public async Task Sweep_WhenCodesExpiredLongerThanTheGraceAgo_RemovesThemAndKeepsTheRequestAndTheUseRecord()
    {
        var (subject, idNumber) = CodeFlows.Citizens(host, 3)[0];
        var citizen = TrustHost.Citizen(subject);
        var (police, licence) = await CodeFlows.DrivingLicenceAsync(host, "370112", idNumber);
        var official = police with { Permissions = new HashSet<string>(police.Permissions) { Contracts.TrustPermissions.CodesScan } };
        var used = (await CodeFlows.Run(host, s => IssuePersonalCode.HandleAsync(citizen, s, Ct))).Value;
        var request = (await CodeFlows.Run(host, s => ScanPersonalCode.HandleAsync(official, CodeFlows.Scan(used.Code), s, Ct))).Value;
        (await CodeFlows.Run(host, s => DecideCodeRequest.HandleAsync(citizen, request.RequestId, new DecideCodeRequest.Request(true), s, Ct))).IsSuccess.ShouldBeTrue();
        var unused = (await CodeFlows.Run(host, s => IssuePersonalCode.HandleAsync(citizen, s, Ct))).Value;
        var usesBefore = (await CodeFlows.Run(host, s => ListCertificateUses.HandleAsync(citizen, s, Ct))).Value;
        usesBefore.ShouldContain(u => u.LicenceId == licence.LicenceId && u.Outcome == "released");

        (await Sweeper(new FakeTimeProvider(used.ExpiresAt + PersonalCodeSweep.Grace - TimeSpan.FromSeconds(1))).SweepAsync(Ct)).ShouldBe(0,
            "codes within the grace after expiry are kept");
        (await ExistsAsync(subject, used.ExpiresAt)).ShouldBeTrue();

        var removed = await Sweeper(new FakeTimeProvider(unused.ExpiresAt + PersonalCodeSweep.Grace + TimeSpan.FromSeconds(1))).SweepAsync(Ct);

        removed.ShouldBeGreaterThanOrEqualTo(2);
        (await ExistsAsync(subject, used.ExpiresAt)).ShouldBeFalse();
        (await ExistsAsync(subject, unused.ExpiresAt)).ShouldBeFalse();
        var usesAfter = (await CodeFlows.Run(host, s => ListCertificateUses.HandleAsync(citizen, s, Ct))).Value;
        usesAfter.Count.ShouldBe(usesBefore.Count, "the 用证记录 outlives the code");
        var kept = (await CodeFlows.Run(host, s => GetCodeRequest.HandleAsync(official, request.RequestId, s, Ct))).Value;
        kept.Status.ShouldBe("consented");
        kept.Certificates.ShouldContain(c => c.LicenceId == licence.LicenceId);
    }

    [Fact]
    public async Task BackgroundSweep_WhenTheClockPassesAnInterval_RemovesTheExpiredCode()
    {
        var (subject, _) = CodeFlows.Citizens(host, 3)[1];
        var code = (await CodeFlows.Run(host, s => IssuePersonalCode.HandleAsync(TrustHost.Citizen(subject), s, Ct))).Value;
        // The first tick comes one interval after start; at that moment the code is past its expiry and the grace.
        var clock = new FakeTimeProvider(code.ExpiresAt + PersonalCodeSweep.Grace + TimeSpan.FromSeconds(1) - PersonalCodeSweep.Interval);
        using var sweeper = Sweeper(clock);
        await sweeper.StartAsync(Ct);
        try
        {
            (await ExistsAsync(subject, code.ExpiresAt)).ShouldBeTrue("nothing runs before the first tick");
            // The sweeper registers its timer on its own thread after StartAsync returns: an advance made before that
            // registration is not seen, so keep advancing one interval at a time until the sweep has run.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            do
            {
                clock.Advance(PersonalCodeSweep.Interval);
                await Task.Delay(50, Ct);
            }
            while (await ExistsAsync(subject, code.ExpiresAt) && waited.Elapsed < TimeSpan.FromSeconds(20));
            (await ExistsAsync(subject, code.ExpiresAt)).ShouldBeFalse();
        }
        finally
        {
            await sweeper.StopAsync(Ct);
        }
    }
}
