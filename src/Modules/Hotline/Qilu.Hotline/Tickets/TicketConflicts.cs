using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Tickets;

/// <summary>The ticket refusals of the 12345 state machine: a 409 naming the actions allowed now, and the stale edit.</summary>
internal static class TicketConflicts
{
    /// <summary>A 409 whose extra errors (code <c>hotline.allowed_action</c>, field = the action) name what is allowed now.</summary>
    public static Result<T> NotAllowed<T>(string action, TicketStatus status, IEnumerable<string> allowed) =>
        Result<T>.Failure([new Error("hotline.action_not_allowed", $"工单当前为“{TicketStatuses.Zh(status)}”，不能执行“{TicketMachine.Zh(action)}”",
            $"'{action}' is not allowed while the ticket is {TicketStatuses.Key(status)}", "action"),
            .. allowed.Select(a => new Error("hotline.allowed_action", $"可执行：{TicketMachine.Zh(a)}", $"Allowed: {a}", a))], ErrorKind.Conflict);

    public static Result<T> Stale<T>() => Outcomes.Conflict<T>("hotline.version_conflict", "工单已被他人修改，请刷新后重试",
        "The ticket was changed by someone else; reload and retry", "version");

    /// <summary>404 that does not tell an absent ticket from one outside the actor's capacities.</summary>
    public static Result<T> NotFound<T>() => Outcomes.NotFound<T>("工单", "The ticket");
}
