using Microsoft.Extensions.DependencyInjection;
using Qilu.Identity.Contracts;
using Qilu.SharedKernel.Actors;
using Qilu.Testing;
using Qilu.Trust.Contracts;

namespace Qilu.Trust.Tests;

/// <summary>
/// The real host (SQLite, demo province seeded) shared by the Trust tests. Use cases are called through their
/// <c>HandleAsync</c> cores with actors built for the seeded units (the same cores the HTTP endpoints call), and the
/// public endpoints through HTTP.
/// </summary>
public class TrustHost : QiluFixture
{
    public Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work) => RunCoreAsync(work);

    private async Task<T> RunCoreAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>The seeded unit of <paramref name="kind"/> at <paramref name="division"/>.</summary>
    public Task<UnitInfo> UnitAsync(string kind, string division) => RunAsync(async sp =>
        (await sp.GetRequiredService<IOrganisationDirectory>().ListUnitsAsync(division, kind)).Single(u => u.DivisionCode == division));

    /// <summary>An official acting for <paramref name="unit"/> with the given permissions.</summary>
    public static Actor Official(UnitInfo unit, params string[] permissions) => new(ActorKind.Official, "official-" + unit.Id.ToString("N")[..8],
        "测试工作人员", unit.DivisionCode, unit.Id, new HashSet<string> { "official" }, new HashSet<string>(permissions), RealNameLevel.InPerson);

    /// <summary>A provincial administrator allowed to approve and manage seals everywhere.</summary>
    public static Actor Administrator(UnitInfo unit) => new(ActorKind.Official, "admin-1", "测试管理员", "370000", unit.Id,
        new HashSet<string> { "sys_admin" }, new HashSet<string> { TrustPermissions.SealsApprove, TrustPermissions.SealsManage, TrustPermissions.SealsRead }, RealNameLevel.InPerson);

    public static Actor Citizen(string subject) => new(ActorKind.Citizen, subject, "张三", null, null,
        new HashSet<string> { "citizen" }, new HashSet<string>(), RealNameLevel.Verified);
}

[CollectionDefinition(Name)]
public sealed class TrustHostGroup : ICollectionFixture<TrustHost>
{
    public const string Name = "trust-host";
}
