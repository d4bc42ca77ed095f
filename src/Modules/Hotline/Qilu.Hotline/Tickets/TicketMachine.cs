namespace Qilu.Hotline.Tickets;

/// <summary>The capacities in which someone can act on a ticket; one person may hold several.</summary>
[Flags]
internal enum TicketCapacity
{
    None = 0,
    /// <summary>12345 话务员 in the ticket's division subtree.</summary>
    Agent = 1,
    /// <summary>12345 派单员 in the ticket's division subtree.</summary>
    Dispatcher = 2,
    /// <summary>An official of the 主办 unit.</summary>
    LeadUnit = 4,
    /// <summary>An official of a 协办 unit.</summary>
    CoUnit = 8,
    /// <summary>A supervisor whose division subtree holds the ticket.</summary>
    Supervisor = 16,
    /// <summary>The citizen who submitted it.</summary>
    Citizen = 32,
}

/// <summary>
/// The ticket state machine: which action is allowed in which status and for which capacity. Every transition is
/// checked here first, so an action out of turn is a 409 naming the allowed ones and never a silent change.
/// </summary>
internal static class TicketMachine
{
    public const string Dispatch = "dispatch";
    public const string Redispatch = "redispatch";
    public const string Sign = "sign";
    public const string Return = "return";
    public const string Reply = "reply";
    public const string RequestExtension = "request-extension";
    public const string ApproveExtension = "approve-extension";
    public const string RejectExtension = "reject-extension";
    public const string ApproveReply = "approve-reply";
    public const string RejectReply = "reject-reply";
    public const string Callback = "callback";
    public const string Supervise = "supervise";
    public const string CloseDirectly = "close-direct";
    public const string Merge = "merge";

    private static readonly (string Action, TicketStatus[] Statuses, TicketCapacity Who, string Zh)[] Table =
    [
        (Dispatch, [TicketStatus.Accepted, TicketStatus.Returned], TicketCapacity.Dispatcher, "派单"),
        (Redispatch, [TicketStatus.Dispatched, TicketStatus.Handling], TicketCapacity.Dispatcher, "改派"),
        (Sign, [TicketStatus.Dispatched], TicketCapacity.LeadUnit, "签收"),
        (Return, [TicketStatus.Dispatched, TicketStatus.Handling], TicketCapacity.LeadUnit, "退单"),
        (Reply, [TicketStatus.Handling], TicketCapacity.LeadUnit, "答复"),
        (RequestExtension, [TicketStatus.Handling], TicketCapacity.LeadUnit, "申请延期"),
        (ApproveExtension, [TicketStatus.Handling], TicketCapacity.Dispatcher, "批准延期"),
        (RejectExtension, [TicketStatus.Handling], TicketCapacity.Dispatcher, "驳回延期"),
        (ApproveReply, [TicketStatus.Replied], TicketCapacity.Dispatcher, "审核通过"),
        (RejectReply, [TicketStatus.Replied], TicketCapacity.Dispatcher, "审核退回"),
        (Callback, [TicketStatus.AwaitingCallback], TicketCapacity.Agent | TicketCapacity.Dispatcher, "回访"),
        (Supervise, [TicketStatus.Dispatched, TicketStatus.Handling, TicketStatus.Returned, TicketStatus.Replied], TicketCapacity.Supervisor, "督办"),
        (CloseDirectly, [TicketStatus.Accepted], TicketCapacity.Agent | TicketCapacity.Dispatcher, "直办办结"),
        (Merge, [TicketStatus.Accepted, TicketStatus.Returned], TicketCapacity.Dispatcher, "并单"),
    ];

    public static bool IsKnown(string action) => Table.Any(t => t.Action == action);

    public static string Zh(string action) => Table.FirstOrDefault(t => t.Action == action).Zh ?? action;

    /// <summary>The actions <paramref name="who"/> may take on <paramref name="t"/> now, in table order.</summary>
    public static IReadOnlyList<string> Allowed(Ticket t, TicketCapacity who)
    {
        var list = new List<string>();
        foreach (var (action, statuses, capacity, _) in Table)
        {
            if ((who & capacity) == 0 || !statuses.Contains(t.Status)) continue;
            // An extension is asked once at a time and decided by the dispatcher.
            var pending = t.ExtensionUntil is not null;
            if (action == RequestExtension && pending) continue;
            if (action is ApproveExtension or RejectExtension && !pending) continue;
            list.Add(action);
        }
        return list;
    }

    public static bool IsAllowed(Ticket t, TicketCapacity who, string action) => Allowed(t, who).Contains(action);
}
