using Microsoft.AspNetCore.Routing;
using Qilu.Hotline.Tickets;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Handling;

/// <summary>POST …/approve-extension and …/reject-extension: the dispatcher decides a pending 延期 request; approval moves the deadline.</summary>
internal static class DecideExtension
{
    public sealed record Request(string? Note, uint? Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        TicketEndpoints.MapAction<Request>(api, TicketMachine.ApproveExtension, "批准延期 / Approve the extension", (a, id, r, sp, ct) => HandleAsync(a, id, true, r, sp, ct));
        TicketEndpoints.MapAction<Request>(api, TicketMachine.RejectExtension, "驳回延期 / Reject the extension", (a, id, r, sp, ct) => HandleAsync(a, id, false, r, sp, ct));
    }

    internal static Task<Result<Ticket>> HandleAsync(Actor actor, Guid id, bool approve, Request request, IServiceProvider sp, CancellationToken ct) =>
        TicketEndpoints.Transition(sp).RunAsync(actor, id, approve ? TicketMachine.ApproveExtension : TicketMachine.RejectExtension, request.Version, (t, _) =>
        {
            var note = TicketEndpoints.Clean(request.Note);
            if (!approve && note is null)
                return Task.FromResult(Result<string?>.Failure(new Error("required", "驳回须写明理由", "note is required to reject", "note")));
            if (note is { Length: > 1000 })
                return Task.FromResult(Result<string?>.Failure(new Error("max_length", "意见不能超过1000个字符", "note must be at most 1000 characters", "note")));
            if (approve)
            {
                t.DueAt = t.ExtensionUntil;
                t.ExtensionCount++;
                t.EscalationLevel = 0;
                t.EscalatedTo = null;
            }
            t.ExtensionUntil = null;
            t.ExtensionReason = null;
            return Task.FromResult<Result<string?>>(approve ? $"新期限 {t.DueAt!.Value.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}" + (note is null ? "" : "；" + note) : note);
        }, ct, publicEntry: false);
}
