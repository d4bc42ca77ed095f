using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Qilu.Hotline.Tickets;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Handling;

/// <summary>
/// POST /api/hotline/tickets/{id}/reply: 答复. The 主办 unit reports the result with its evidence (photos, documents, as
/// references or descriptions); the ticket goes to the dispatcher for review. Whether it was on time is fixed here.
/// </summary>
internal static class ReplyToTicket
{
    public sealed record Request(string? Result, string[]? Evidence, uint? Version);

    public static void Map(IEndpointRouteBuilder api) =>
        TicketEndpoints.MapAction<Request>(api, TicketMachine.Reply, "答复 / Reply", HandleAsync);

    internal static Task<Result<Ticket>> HandleAsync(Actor actor, Guid id, Request request, IServiceProvider sp, CancellationToken ct) =>
        TicketEndpoints.Transition(sp).RunAsync(actor, id, TicketMachine.Reply, request.Version, (t, now) =>
        {
            var text = TicketEndpoints.Required(TicketEndpoints.Clean(request.Result), "result", "办理结果", 4000);
            if (!text.IsSuccess) return Task.FromResult(text);
            var evidence = (request.Evidence ?? []).Select(e => e?.Trim()).Where(e => !string.IsNullOrEmpty(e)).Select(e => e!).ToList();
            if (evidence.Count > 20 || evidence.Any(e => e.Length > 300))
                return Task.FromResult(Result<string?>.Failure(new Error("evidence.too_long", "佐证材料最多20项，每项不超过300个字符", "At most 20 evidence items of 300 characters", "evidence")));
            t.Status = TicketStatus.Replied;
            t.Reply = text.Value;
            t.EvidenceJson = JsonSerializer.Serialize(evidence);
            t.RepliedAt = now;
            t.OnTime = t.DueAt is not { } due || now <= due;
            t.ExtensionUntil = null;
            return Task.FromResult<Result<string?>>(text.Value);
        }, ct);
}
