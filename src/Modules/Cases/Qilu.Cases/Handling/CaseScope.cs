using Qilu.Cases.Contracts;
using Qilu.SharedKernel.Actors;

namespace Qilu.Cases.Handling;

/// <summary>
/// Who may read a case: the applicant; officials of the responsible unit (for a bundle parent, of any member's
/// unit); and supervisors (<see cref="CasesPermissions.Supervise"/>) whose division subtree holds the unit. Anyone
/// else gets 404, which hides that the case exists.
/// </summary>
internal static class CaseScope
{
    public static bool IsApplicant(Actor actor, Case c) => actor.IsAuthenticated && c.ApplicantId == actor.SubjectId;

    public static bool IsHandler(Actor actor, Case c) =>
        actor.Kind == ActorKind.Official && actor.Has(CasesPermissions.Handle) && actor.DepartmentId is { } unit && c.UnitId == unit;

    public static bool IsSupervisor(Actor actor, Case c) =>
        actor.Kind == ActorKind.Official && actor.Has(CasesPermissions.Supervise) && actor.CanSeeDivision(c.UnitDivision ?? c.DivisionCode);

    public static bool CanRead(Actor actor, Case c, IEnumerable<Case>? children = null) =>
        IsApplicant(actor, c) || IsHandler(actor, c) || IsSupervisor(actor, c) || (children?.Any(ch => IsHandler(actor, ch)) ?? false);
}
