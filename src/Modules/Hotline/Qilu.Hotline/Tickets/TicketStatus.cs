namespace Qilu.Hotline.Tickets;

/// <summary>Where a ticket is in the closed loop 受理 → 派单 → 签收 → 办理 → 答复 → 审核 → 回访 → 办结.</summary>
internal enum TicketStatus
{
    /// <summary>已受理，待派单.</summary>
    Accepted = 0,
    /// <summary>已派单，待签收.</summary>
    Dispatched = 1,
    /// <summary>办理中 (signed for by the lead unit).</summary>
    Handling = 2,
    /// <summary>退单，待派单员审核.</summary>
    Returned = 3,
    /// <summary>已答复，待审核.</summary>
    Replied = 4,
    /// <summary>审核通过，待回访.</summary>
    AwaitingCallback = 5,
    /// <summary>已办结.</summary>
    Closed = 6,
    /// <summary>已并单: handled and answered with the ticket it was merged into.</summary>
    Merged = 7,
}

/// <summary>Names of the statuses for people and for Open311.</summary>
internal static class TicketStatuses
{
    public static string Zh(TicketStatus s) => s switch
    {
        TicketStatus.Accepted => "待派单",
        TicketStatus.Dispatched => "待签收",
        TicketStatus.Handling => "办理中",
        TicketStatus.Returned => "退单待审",
        TicketStatus.Replied => "待审核",
        TicketStatus.AwaitingCallback => "待回访",
        TicketStatus.Closed => "已办结",
        TicketStatus.Merged => "已并单",
        _ => s.ToString(),
    };

    public static string Key(TicketStatus s) => s switch
    {
        TicketStatus.Accepted => "accepted",
        TicketStatus.Dispatched => "dispatched",
        TicketStatus.Handling => "handling",
        TicketStatus.Returned => "returned",
        TicketStatus.Replied => "replied",
        TicketStatus.AwaitingCallback => "awaiting_callback",
        TicketStatus.Closed => "closed",
        TicketStatus.Merged => "merged",
        _ => s.ToString(),
    };
}
