using Microsoft.AspNetCore.Routing;
using Qilu.Hotline.Tickets;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Review;

/// <summary>
/// POST /api/hotline/tickets/{id}/supervise: 督办 by a supervisor whose division subtree holds the ticket. Recorded on
/// the timeline with the instruction, counted on the ticket (督办次数) and shown to the handling unit.
/// </summary>
internal static class SuperviseTicket
{
    public sealed record Request(string? Instruction, uint? Version);

    public static void Map(IEndpointRouteBuilder api) =>
        TicketEndpoints.MapAction<Request>(api, TicketMachine.Supervise, "督办 / Supervise", HandleAsync);

    internal static Task<Result<Ticket>> HandleAsync(Actor actor, Guid id, Request request, IServiceProvider sp, CancellationToken ct) =>
        TicketEndpoints.Transition(sp).RunAsync(actor, id, TicketMachine.Supervise, request.Version, (t, _) =>
        {
            var instruction = TicketEndpoints.Required(TicketEndpoints.Clean(request.Instruction), "instruction", "督办意见");
            if (!instruction.IsSuccess) return Task.FromResult(instruction);
            t.SupervisionCount++;
            return Task.FromResult<Result<string?>>($"{actor.DisplayName}（{actor.DivisionCode}）督办：{instruction.Value}");
        }, ct, publicEntry: false);
}
