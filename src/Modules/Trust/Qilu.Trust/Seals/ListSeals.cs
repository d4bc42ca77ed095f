using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;

namespace Qilu.Trust.Seals;

/// <summary>GET /api/trust/seals: the seals the actor may see (own unit, division subtree), newest first.</summary>
internal static class ListSeals
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/seals", EndpointAsync)
        .RequirePermission(TrustPermissions.SealsRead)
        .WithName("ListSeals").WithSummary("电子印章列表 / List seals").Produces<IReadOnlyList<SealView>>();

    private static async Task<IResult> EndpointAsync(HttpContext ctx, ActorAccessor actors, TrustDbContext db) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), db, ctx.RequestAborted));

    internal static async Task<Result<IReadOnlyList<SealView>>> HandleAsync(Actor actor, TrustDbContext db, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, TrustPermissions.SealsRead) is { } denied) return Outcomes.Denied<IReadOnlyList<SealView>>(denied);
        var prefix = actor.DivisionCode is null ? null : Qilu.SharedKernel.Actors.DivisionScope.PrefixOf(actor.DivisionCode);
        var unit = actor.DepartmentId;
        var seals = await db.Seals.AsNoTracking()
            .Where(s => s.UnitId == unit || (prefix != null && s.DivisionCode.StartsWith(prefix)))
            .ToListAsync(ct);
        return seals.OrderByDescending(s => s.AppliedAt).Select(SealView.From).ToList();
    }
}
