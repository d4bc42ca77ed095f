using Microsoft.AspNetCore.Routing;
using Qilu.Hotline.Tickets;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Handling;

/// <summary>POST /api/hotline/tickets/{id}/request-extension: 延期申请 by the 主办 unit, with a new date and a reason; the dispatcher decides.</summary>
internal static class RequestExtension
{
    public sealed record Request(DateTimeOffset? Until, string? Reason, uint? Version);

    public static void Map(IEndpointRouteBuilder api) =>
        TicketEndpoints.MapAction<Request>(api, TicketMachine.RequestExtension, "申请延期 / Request an extension", HandleAsync);

    internal static Task<Result<Ticket>> HandleAsync(Actor actor, Guid id, Request request, IServiceProvider sp, CancellationToken ct)
    {
        var max = TimeSpan.FromDays(TicketEndpoints.Options(sp).Value.MaxExtensionDays);
        return TicketEndpoints.Transition(sp).RunAsync(actor, id, TicketMachine.RequestExtension, request.Version, (t, now) =>
        {
            var reason = TicketEndpoints.Required(TicketEndpoints.Clean(request.Reason), "reason", "延期理由");
            if (!reason.IsSuccess) return Task.FromResult(reason);
            if (request.Until is not { } until)
                return Task.FromResult(Result<string?>.Failure(new Error("required", "请填写延期至的时间", "until is required", "until")));
            if (until <= (t.DueAt ?? now) || until > (t.DueAt ?? now) + max)
                return Task.FromResult(Result<string?>.Failure(new Error("extension.range", $"延期时间须晚于当前期限且不超过{max.TotalDays}天",
                    $"until must be after the current deadline and at most {max.TotalDays} days later", "until")));
            t.ExtensionUntil = until.ToUniversalTime();
            t.ExtensionReason = reason.Value;
            return Task.FromResult<Result<string?>>($"申请延期至 {until.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}：{reason.Value}");
        }, ct, publicEntry: false);
    }
}
