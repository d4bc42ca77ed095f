using Qilu.Identity.Contracts;
using Qilu.SharedKernel.Actors;
using Qilu.Sharing.Contracts;
using Qilu.Sharing.Grants;

namespace Qilu.Sharing.Applications;

/// <summary>Who may see and decide an application at its current stage.</summary>
internal static class ApplicationAccess
{
    /// <summary>Conformity reviewer: a chief data officer of a big-data bureau whose division covers both parties — never
    /// the applying unit's own bureau reviewing itself.</summary>
    public static bool CanReview(Actor actor, UnitInfo? unit, SharingApplication a) =>
        actor.Has(SharingPermissions.ApplicationsReview) && GrantAccess.IsBureau(unit) && actor.DepartmentId != a.ConsumerUnitId
        && actor.CanSeeDivision(a.ConsumerDivision) && actor.CanSeeDivision(a.ProviderDivision);

    /// <summary>Provider approver: an official of the providing unit holding the approve permission.</summary>
    public static bool CanApprove(Actor actor, SharingApplication a) =>
        actor.Has(SharingPermissions.ApplicationsApprove) && actor.DepartmentId == a.ProviderUnitId;

    public static bool CanDecideNow(Actor actor, UnitInfo? unit, SharingApplication a) => a.Status switch
    {
        ApplicationStatus.Conformity => CanReview(actor, unit, a),
        ApplicationStatus.ProviderApproval => CanApprove(actor, a),
        _ => false,
    };

    public static bool CanSee(Actor actor, UnitInfo? unit, SharingApplication a) =>
        actor.DepartmentId == a.ConsumerUnitId || actor.DepartmentId == a.ProviderUnitId || CanReview(actor, unit, a);
}
