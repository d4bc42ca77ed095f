using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Hotline.Categories;
using Qilu.Hotline.Contracts;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Tickets;

/// <summary>
/// POST /api/hotline/tickets: 受理. 12345 agents record calls and tickets from the other channels (领导信箱, 企业诉求 …)
/// with the caller's phone; citizens and enterprise agents submit their own from the portal (网上诉求, 我要吐槽, 办不成事).
/// </summary>
internal static class SubmitTicket
{
    public sealed record Request(string? Channel, string? CallerName, string? CallerPhone, string? Content, string? DivisionCode, string? Address,
        double? Latitude, double? Longitude, string? CategoryCode, string? Urgency, bool Confidential);

    private static readonly TicketChannel[] PortalChannels = [TicketChannel.Portal, TicketChannel.Complaint, TicketChannel.CannotGetDone,
        TicketChannel.LeadershipMailbox, TicketChannel.Enterprise];

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/tickets", async (Request request, HttpContext ctx, ActorAccessor actors,
            TicketIntake intake, CategoryCatalog categories, TimeProvider clock) =>
        {
            var r = await HandleAsync(actors.FromContext(ctx), request, intake, categories, clock, ctx.RequestAborted);
            return r.IsSuccess ? Results.Created($"/api/hotline/tickets/{r.Value.Id}", r.Value) : Qilu.Platform.Http.Problems.From(r);
        })
        .RequireAuthorization()
        .WithName("SubmitTicket").WithSummary("受理工单 / Submit a ticket").Produces<TicketView>(StatusCodes.Status201Created).ProducesValidationProblem();

    internal static async Task<Result<TicketView>> HandleAsync(Actor actor, Request request, TicketIntake intake, CategoryCatalog categories,
        TimeProvider clock, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Outcomes.Unauthenticated<TicketView>();
        var agent = actor.Has(HotlinePermissions.Intake);
        if (!agent && !actor.Has(HotlinePermissions.Submit)) return Outcomes.Denied<TicketView>(Outcomes.Lacks(actor, HotlinePermissions.Submit)!);
        var channel = TicketChannels.Parse(string.IsNullOrEmpty(request.Channel) ? (agent ? "hotline" : "portal") : request.Channel);
        if (channel is null || channel is TicketChannel.Open311 or TicketChannel.BadReview || !agent && !PortalChannels.Contains(channel.Value))
            return Outcomes.Invalid<TicketView>("channel.unknown", $"不能通过此入口提交“{request.Channel}”渠道的诉求", $"Channel '{request.Channel}' cannot be used here", "channel");
        // Online, the caller is the signed-in person; on the phone the agent types what the caller says.
        var name = agent ? request.CallerName : actor.DisplayName;
        var input = new TicketInput(request.Channel, name, request.CallerPhone, request.Content, request.DivisionCode, request.Address,
            request.Latitude, request.Longitude, request.CategoryCode, request.Urgency, request.Confidential);
        var created = await intake.CreateAsync(actor, input, channel.Value, requirePhone: agent && channel == TicketChannel.Hotline, ct);
        if (!created.IsSuccess) return Result<TicketView>.Failure(created.Errors, created.Kind);
        return TicketView.Of(created.Value, TicketScope.CapacitiesOf(actor, created.Value), categories, clock.GetUtcNow());
    }
}
