using Microsoft.AspNetCore.Routing;
using Qilu.Hotline.Tickets;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Review;

/// <summary>
/// POST /api/hotline/tickets/{id}/callback: 回访. 满意 / 基本满意 close the ticket (办结). 不满意 reopens it to the same
/// unit (重办, new handling deadline) while the reply is inside the reopen window and the reopen limit is not reached;
/// otherwise it closes as 不满意, which the statistics count.
/// </summary>
internal static class RecordCallback
{
    public sealed record Request(string? Satisfaction, string? Note, uint? Version);

    public static void Map(IEndpointRouteBuilder api) =>
        TicketEndpoints.MapAction<Request>(api, TicketMachine.Callback, "回访 / Record the callback", HandleAsync);

    internal static Task<Result<Ticket>> HandleAsync(Actor actor, Guid id, Request request, IServiceProvider sp, CancellationToken ct)
    {
        var options = TicketEndpoints.Options(sp).Value;
        return TicketEndpoints.Transition(sp).RunAsync(actor, id, TicketMachine.Callback, request.Version, (t, now) =>
        {
            var satisfaction = TicketEnums.ParseSatisfaction(request.Satisfaction);
            if (satisfaction is null)
                return Task.FromResult(Result<string?>.Failure(new Error("satisfaction.unknown", "请选择满意、基本满意或不满意",
                    "satisfaction must be satisfied, basically_satisfied or dissatisfied", "satisfaction")));
            var note = TicketEndpoints.Clean(request.Note);
            if (note is { Length: > 1000 })
                return Task.FromResult(Result<string?>.Failure(new Error("max_length", "回访记录不能超过1000个字符", "note must be at most 1000 characters", "note")));
            t.Satisfaction = satisfaction;
            t.CallbackNote = note;
            var inWindow = t.RepliedAt is { } replied && now - replied <= TimeSpan.FromDays(options.ReopenWindowDays);
            if (satisfaction == Satisfaction.Dissatisfied && inWindow && t.ReopenCount < options.MaxReopens)
            {
                t.ReopenCount++;
                t.Status = TicketStatus.Handling;
                t.DueAt = now + options.HandleWindow(t.CategoryCode, t.Urgency);
                t.EscalationLevel = 0;
                t.EscalatedTo = null;
                return Task.FromResult<Result<string?>>($"不满意，重办（第{t.ReopenCount}次）" + (note is null ? "" : "：" + note));
            }
            t.Status = TicketStatus.Closed;
            t.ClosedAt = now;
            return Task.FromResult<Result<string?>>($"{TicketEnums.Zh(satisfaction.Value)}，办结" + (note is null ? "" : "：" + note));
        }, ct);
    }
}
