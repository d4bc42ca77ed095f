using Qilu.Identity.Contracts;
using Qilu.SharedKernel.Actors;
using Qilu.Sharing.Contracts;

namespace Qilu.Sharing.Grants;

/// <summary>
/// Who sees and manages grants: the consumer and provider units see their own; the big-data bureau sees those whose
/// provider or consumer lies in its division; the provider unit and the bureau suspend, resume and revoke; the consumer
/// unit binds its calling systems.
/// </summary>
internal static class GrantAccess
{
    public const string BigDataKind = "bigdata";

    public static async Task<UnitInfo?> UnitOfAsync(Actor actor, IOrganisationDirectory directory, CancellationToken ct) =>
        actor.DepartmentId is { } id ? await directory.FindUnitAsync(id, ct) : null;

    public static bool IsBureau(UnitInfo? unit) => unit is { Kind: BigDataKind };

    public static bool CanSee(Actor actor, UnitInfo? unit, Grant g) =>
        actor.DepartmentId == g.ConsumerUnitId || actor.DepartmentId == g.ProviderUnitId
        || IsBureau(unit) && (actor.CanSeeDivision(g.ProviderDivision) || actor.CanSeeDivision(g.ConsumerDivision));

    /// <summary>The consumer unit's data officer binds the unit's calling systems to its grants (<see cref="BindGrantClients"/>).</summary>
    public static bool CanBindClients(Actor actor, Grant g) =>
        actor.Has(SharingPermissions.ApplicationsApply) && actor.DepartmentId == g.ConsumerUnitId;

    public static bool CanManage(Actor actor, UnitInfo? unit, Grant g) =>
        actor.Has(SharingPermissions.GrantsManage) && (actor.DepartmentId == g.ProviderUnitId || IsBureau(unit) && actor.CanSeeDivision(g.ProviderDivision));
}
