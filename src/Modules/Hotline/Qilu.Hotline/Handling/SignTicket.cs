using Microsoft.AspNetCore.Routing;
using Qilu.Hotline.Tickets;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Handling;

/// <summary>POST /api/hotline/tickets/{id}/sign: 签收 by the 主办 unit; the handling deadline keeps running from dispatch.</summary>
internal static class SignTicket
{
    public sealed record Request(uint? Version);

    public static void Map(IEndpointRouteBuilder api) =>
        TicketEndpoints.MapAction<Request>(api, TicketMachine.Sign, "签收 / Sign for", HandleAsync);

    internal static Task<Result<Ticket>> HandleAsync(Actor actor, Guid id, Request request, IServiceProvider sp, CancellationToken ct) =>
        TicketEndpoints.Transition(sp).RunAsync(actor, id, TicketMachine.Sign, request.Version, (t, now) =>
        {
            var late = t.SignDueAt is { } due && now > due;
            t.Status = TicketStatus.Handling;
            t.SignedAt = now;
            return Task.FromResult<Result<string?>>(late ? "超时签收" : null);
        }, ct);
}
