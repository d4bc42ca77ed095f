using Qilu.Hotline.Contracts;
using Qilu.SharedKernel.Actors;

namespace Qilu.Hotline.Tickets;

/// <summary>
/// Who may see a ticket and in which capacity: the hotline centre and supervisors by division subtree, handling units
/// only what was dispatched to them, the citizen their own. Deny by default.
/// </summary>
internal static class TicketScope
{
    public static TicketCapacity CapacitiesOf(Actor actor, Ticket t)
    {
        var c = TicketCapacity.None;
        if (!actor.IsAuthenticated) return c;
        var inDivision = actor.CanSeeDivision(t.DivisionCode);
        if (inDivision && actor.Has(HotlinePermissions.Intake)) c |= TicketCapacity.Agent;
        if (inDivision && actor.Has(HotlinePermissions.Dispatch)) c |= TicketCapacity.Dispatcher;
        if (inDivision && actor.Has(HotlinePermissions.Supervise)) c |= TicketCapacity.Supervisor;
        if (actor.DepartmentId is { } dep && actor.Has(HotlinePermissions.Handle))
        {
            if (t.LeadUnitId == dep) c |= TicketCapacity.LeadUnit;
            else if (t.CoUnitIds.Contains(dep.ToString(), StringComparison.Ordinal)) c |= TicketCapacity.CoUnit;
        }
        if (t.CitizenId is not null && t.CitizenId == actor.SubjectId) c |= TicketCapacity.Citizen;
        return c;
    }

    /// <summary>保密件: the caller is hidden from everyone but the hotline centre, supervisors and the caller.</summary>
    public static bool MaySeeCaller(TicketCapacity c, Ticket t) =>
        !t.Confidential || (c & (TicketCapacity.Agent | TicketCapacity.Dispatcher | TicketCapacity.Supervisor | TicketCapacity.Citizen)) != 0;
}
