using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Hotline.Categories;
using Qilu.Hotline.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Tickets;

/// <summary>Shared shape of the lifecycle endpoints: POST /tickets/{id}/{action} answering the ticket as the actor now sees it.</summary>
internal static class TicketEndpoints
{
    public static RouteHandlerBuilder MapAction<TRequest>(IEndpointRouteBuilder api, string action, string summary,
        Func<Actor, Guid, TRequest, IServiceProvider, CancellationToken, Task<Result<Ticket>>> handle) =>
        api.MapPost($"/tickets/{{id:guid}}/{action}", async (Guid id, TRequest request, HttpContext ctx, ActorAccessor actors) =>
            {
                var actor = actors.FromContext(ctx);
                var sp = ctx.RequestServices;
                var r = await handle(actor, id, request, sp, ctx.RequestAborted);
                if (!r.IsSuccess) return Qilu.Platform.Http.Problems.From(r);
                return Outcomes.Ok(await GetTicket.HandleAsync(actor, id, sp.GetRequiredService<HotlineDbContext>(), sp.GetRequiredService<CategoryCatalog>(),
                    sp.GetRequiredService<TimeProvider>(), ctx.RequestAborted));
            })
            .RequireAuthorization()
            .WithName("Ticket-" + action).WithSummary(summary).Produces<TicketView>()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem();

    public static TicketTransition Transition(IServiceProvider sp) => sp.GetRequiredService<TicketTransition>();

    public static HotlineOptionsAccessor Options(IServiceProvider sp) => sp.GetRequiredService<HotlineOptionsAccessor>();

    /// <summary>Trimmed text or null; the length limit is checked by the caller.</summary>
    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static Result<string?> Required(string? text, string field, string zh, int max = 1000)
    {
        if (text is null) return Result<string?>.Failure(new Error("required", $"请填写{zh}", $"{field} is required", field));
        if (text.Length > max) return Result<string?>.Failure(new Error("max_length", $"{zh}不能超过{max}个字符", $"{field} must be at most {max} characters", field));
        return text;
    }
}

/// <summary>The current options (a class so handlers take one dependency).</summary>
internal sealed class HotlineOptionsAccessor(Microsoft.Extensions.Options.IOptionsMonitor<HotlineOptions> monitor)
{
    public HotlineOptions Value => monitor.CurrentValue;
}
