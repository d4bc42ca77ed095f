using Microsoft.Extensions.DependencyInjection;
using Qilu.Identity.Contracts;
using Qilu.Platform.Cryptography.Keys;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Authority;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;
using Qilu.Trust.Seals;
using Shouldly;

namespace Qilu.Trust.Tests.Seals;

/// <summary>Drives seals through their use cases for the tests.</summary>
internal static class SealFlows
{
    public static readonly string[] UnitPermissions =
        [TrustPermissions.SealsApply, TrustPermissions.SealsRead, TrustPermissions.SealsSign, TrustPermissions.CertificatesIssue,
         TrustPermissions.CertificatesRead, TrustPermissions.CertificatesManage];

    public static Task<Result<SealView>> ApplyAsync(TrustHost host, Actor actor, string type) => host.RunAsync(sp =>
        ApplySeal.HandleAsync(actor, new ApplySeal.Request(type), sp.GetRequiredService<TrustDbContext>(),
            sp.GetRequiredService<IOrganisationDirectory>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TrustAudit>(),
            TestContext.Current.CancellationToken));

    public static Task<Result<SealView>> ActAsync(TrustHost host, Actor actor, Guid id, string action, string? reason = null, uint? version = null) =>
        host.RunAsync(sp => TransitionSeal.HandleAsync(actor, id, action, new TransitionSeal.Request(reason, version),
            sp.GetRequiredService<TrustDbContext>(), sp.GetRequiredService<IKeyStore>(), sp.GetRequiredService<CertificateAuthority>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TrustAudit>(), TestContext.Current.CancellationToken));

    /// <summary>A seal of <paramref name="type"/> for the unit, taken all the way to "in use".</summary>
    public static async Task<(Actor Official, SealView Seal)> InUseAsync(TrustHost host, string kind, string division, string type = "Official")
    {
        var unit = await host.UnitAsync(kind, division);
        var official = TrustHost.Official(unit, UnitPermissions);
        var admin = TrustHost.Administrator(unit);
        var seal = (await ApplyAsync(host, official, type)).Value;
        foreach (var action in new[] { "approve", "make", "use" })
        {
            var r = await ActAsync(host, admin, seal.Id, action);
            r.IsSuccess.ShouldBeTrue(r.ToString());
            seal = r.Value;
        }
        return (official, seal);
    }
}
