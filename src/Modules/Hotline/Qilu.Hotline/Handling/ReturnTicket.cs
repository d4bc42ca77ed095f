using Microsoft.AspNetCore.Routing;
using Qilu.Hotline.Tickets;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Handling;

/// <summary>
/// POST /api/hotline/tickets/{id}/return: 退单. The unit says the ticket is not its duty and why; the dispatcher
/// reviews it and dispatches again (派单异议审核). The unit's deadlines stop.
/// </summary>
internal static class ReturnTicket
{
    public sealed record Request(string? Reason, uint? Version);

    public static void Map(IEndpointRouteBuilder api) =>
        TicketEndpoints.MapAction<Request>(api, TicketMachine.Return, "退单 / Return to the dispatcher", HandleAsync);

    internal static Task<Result<Ticket>> HandleAsync(Actor actor, Guid id, Request request, IServiceProvider sp, CancellationToken ct) =>
        TicketEndpoints.Transition(sp).RunAsync(actor, id, TicketMachine.Return, request.Version, (t, _) =>
        {
            var reason = TicketEndpoints.Required(TicketEndpoints.Clean(request.Reason), "reason", "退单理由");
            if (!reason.IsSuccess) return Task.FromResult(reason);
            t.Status = TicketStatus.Returned;
            t.ReturnReason = reason.Value;
            t.SignDueAt = null;
            t.DueAt = null;
            t.ExtensionUntil = null;
            return Task.FromResult<Result<string?>>($"{t.LeadUnitName}退单：{reason.Value}");
        }, ct, publicEntry: false);
}
