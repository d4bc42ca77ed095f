using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Identity.Contracts;
using Qilu.Platform.Cryptography.Keys;
using Qilu.Platform.Hosting;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Authority;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;

namespace Qilu.Trust.Seals;

/// <summary>
/// Gives the demo's issuing units a seal in use, so that cases concluded with a licence can be signed: the units of
/// the kinds that issue the seeded certificate types (卫生健康 出生医学证明, 公安 居民户口簿, 人社 社会保障卡, 市场监管
/// 营业执照, 自然资源 不动产权证书, 民政 结婚证) at the province and the demo citizens' divisions. Every seal goes
/// through the real lifecycle use cases (apply by the unit, approve by someone else, make, put in use), so each step is
/// audited and the keys and certificates are real.
/// </summary>
internal sealed class TrustDemoSeeder : IDemoSeeder
{
    /// <summary>After the Identity seeder (100), which creates the departments.</summary>
    public int Order => 150;

    public string Name => DemoSeederNames.TrustSeals;

    /// <summary>The issuing units (departments) come from the Identity demo.</summary>
    public IReadOnlyCollection<string>? DependsOn => [DemoSeederNames.IdentityProvince];

    /// <summary>Department kinds that issue the seeded certificate types.</summary>
    public static readonly string[] IssuerKinds = ["health", "public_security", "hrss", "market", "natural_resources", "civil_affairs"];

    /// <summary>The province, 济南 and 青岛, and the demo citizens' districts (历下区, 市南区).</summary>
    public static readonly string[] Divisions = ["370000", "370100", "370102", "370200", "370202"];

    private static readonly Actor Approver = new(ActorKind.Official, "system:trust-seed", "电子印章初始化", "370000", null, new HashSet<string>(),
        new HashSet<string> { TrustPermissions.SealsApprove, TrustPermissions.SealsManage, TrustPermissions.SealsRead }, RealNameLevel.None);

    public async Task<IReadOnlyList<DemoCredential>> SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<TrustDbContext>();
        var directory = sp.GetRequiredService<IOrganisationDirectory>();
        var keys = sp.GetRequiredService<IKeyStore>();
        var ca = sp.GetRequiredService<CertificateAuthority>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var audit = sp.GetRequiredService<TrustAudit>();
        await ca.EnsureAsync(cancellationToken);
        foreach (var division in Divisions)
        {
            foreach (var kind in IssuerKinds)
            {
                var unit = (await directory.ListUnitsAsync(division, kind, cancellationToken)).FirstOrDefault(u => u.DivisionCode == division);
                if (unit is null || await db.Seals.AnyAsync(s => s.UnitId == unit.Id && s.Status == SealStatus.InUse, cancellationToken)) continue;
                var applicant = new Actor(ActorKind.Official, $"system:trust-seed:{unit.Id:N}", "电子印章初始化（用章单位）", unit.DivisionCode, unit.Id,
                    new HashSet<string>(), new HashSet<string> { TrustPermissions.SealsApply }, RealNameLevel.None);
                var seal = Must(await ApplySeal.HandleAsync(applicant, new ApplySeal.Request(nameof(SealType.Official)), db, directory, clock, audit, cancellationToken));
                foreach (var action in new[] { "approve", "make", "use" })
                    seal = Must(await TransitionSeal.HandleAsync(Approver, seal.Id, action, new TransitionSeal.Request(null, null), db, keys, ca, clock, audit, cancellationToken));
            }
        }
        return [];
    }

    private static T Must<T>(Result<T> result) => result.IsSuccess ? result.Value
        : throw new InvalidOperationException("Demo seal seed failed: " + string.Join("; ", result.Errors));
}
