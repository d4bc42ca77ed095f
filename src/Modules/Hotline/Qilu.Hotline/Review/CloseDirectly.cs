using Microsoft.AspNetCore.Routing;
using Qilu.Hotline.Tickets;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Review;

/// <summary>
/// POST /api/hotline/tickets/{id}/close-direct: 直办. The agent answers at first contact (from the knowledge base or
/// their own knowledge) and closes the ticket without dispatching it; the answer is recorded as the reply.
/// </summary>
internal static class CloseDirectly
{
    public sealed record Request(string? Answer, string? Satisfaction, uint? Version);

    public static void Map(IEndpointRouteBuilder api) =>
        TicketEndpoints.MapAction<Request>(api, TicketMachine.CloseDirectly, "直办办结 / Answer and close at first contact", HandleAsync);

    internal static Task<Result<Ticket>> HandleAsync(Actor actor, Guid id, Request request, IServiceProvider sp, CancellationToken ct) =>
        TicketEndpoints.Transition(sp).RunAsync(actor, id, TicketMachine.CloseDirectly, request.Version, (t, now) =>
        {
            var answer = TicketEndpoints.Required(TicketEndpoints.Clean(request.Answer), "answer", "答复内容", 4000);
            if (!answer.IsSuccess) return Task.FromResult(answer);
            Satisfaction? satisfaction = null;
            if (request.Satisfaction is not null)
            {
                satisfaction = TicketEnums.ParseSatisfaction(request.Satisfaction);
                if (satisfaction is null)
                    return Task.FromResult(Result<string?>.Failure(new Error("satisfaction.unknown", "请选择满意、基本满意或不满意",
                        "satisfaction must be satisfied, basically_satisfied or dissatisfied", "satisfaction")));
            }
            t.Reply = answer.Value;
            t.RepliedAt = now;
            t.ClosedAt = now;
            t.Satisfaction = satisfaction;
            t.ClosedDirectly = true;
            t.OnTime = true;
            t.Status = TicketStatus.Closed;
            return Task.FromResult<Result<string?>>(answer.Value);
        }, ct);
}
