using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Codes;
using Qilu.Trust.Contracts;

namespace Qilu.Trust.Federation;

/// <summary>GET /api/trust/federation/requests: outgoing cross-region requests of the official's unit (or division subtree).</summary>
internal static class ListFederationRequests
{
    public sealed record Item(Guid Id, string Peer, string OfficialName, string UnitName, string HolderMasked, string TypeCode, string Purpose,
        DateTimeOffset At, string Outcome, string Detail, string? LicenceId);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/federation/requests", EndpointAsync)
        .RequirePermission(TrustPermissions.FederationRequest)
        .WithName("ListFederationRequests").WithSummary("跨省调证记录 / Outgoing cross-region requests").Produces<IReadOnlyList<Item>>();

    private static async Task<IResult> EndpointAsync(HttpContext ctx, ActorAccessor actors, CodeServices services) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), services, ctx.RequestAborted));

    internal static async Task<Result<IReadOnlyList<Item>>> HandleAsync(Actor actor, CodeServices s, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, TrustPermissions.FederationRequest) is { } denied) return Outcomes.Denied<IReadOnlyList<Item>>(denied);
        var rows = await s.Exchange.FederationRequests.AsNoTracking().OrderByDescending(r => r.At).Take(500).ToListAsync(ct);
        return rows.Where(r => r.UnitId == actor.DepartmentId || actor.CanSeeDivision(r.DivisionCode)).Take(100)
            .Select(r => new Item(r.Id, r.Peer, r.OfficialName, r.UnitName, r.HolderMasked, r.TypeCode, r.Purpose, r.At, r.Outcome, r.Detail, r.LicenceId))
            .ToList();
    }
}
