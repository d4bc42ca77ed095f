using Microsoft.AspNetCore.Routing;
using Qilu.Hotline.Tickets;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Review;

/// <summary>
/// POST …/approve-reply and …/reject-reply: the dispatcher reviews the unit's answer. Approved: the citizen is called
/// back (待回访). Rejected (reason required): back to the unit, whose deadline keeps running.
/// </summary>
internal static class ReviewReply
{
    public sealed record Request(string? Note, uint? Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        TicketEndpoints.MapAction<Request>(api, TicketMachine.ApproveReply, "审核通过 / Approve the reply", (a, id, r, sp, ct) => HandleAsync(a, id, true, r, sp, ct));
        TicketEndpoints.MapAction<Request>(api, TicketMachine.RejectReply, "审核退回 / Send the reply back", (a, id, r, sp, ct) => HandleAsync(a, id, false, r, sp, ct));
    }

    internal static Task<Result<Ticket>> HandleAsync(Actor actor, Guid id, bool approve, Request request, IServiceProvider sp, CancellationToken ct) =>
        TicketEndpoints.Transition(sp).RunAsync(actor, id, approve ? TicketMachine.ApproveReply : TicketMachine.RejectReply, request.Version, (t, now) =>
        {
            var note = TicketEndpoints.Clean(request.Note);
            if (!approve && note is null)
                return Task.FromResult(Result<string?>.Failure(new Error("required", "退回须写明理由", "note is required to send back", "note")));
            if (note is { Length: > 1000 })
                return Task.FromResult(Result<string?>.Failure(new Error("max_length", "意见不能超过1000个字符", "note must be at most 1000 characters", "note")));
            if (approve)
            {
                t.Status = TicketStatus.AwaitingCallback;
                t.ReviewedAt = now;
            }
            else
            {
                t.Status = TicketStatus.Handling;
            }
            return Task.FromResult<Result<string?>>(note);
        }, ct, publicEntry: false);
}
