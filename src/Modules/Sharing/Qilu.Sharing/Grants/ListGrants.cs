using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Sharing.Contracts;
using Qilu.Sharing.Data;
using Qilu.Sharing.Gateway;

namespace Qilu.Sharing.Grants;

/// <summary>GET /api/sharing/grants?role=consumer|provider|all: grants visible to the actor (own unit either side, or the bureau's division), newest first.</summary>
internal static class ListGrants
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/grants", EndpointAsync).RequirePermission(SharingPermissions.GrantsRead)
        .WithName("ListSharingGrants").WithSummary("共享授权列表 / Grants").Produces<IReadOnlyList<GrantView>>();

    private static async Task<IResult> EndpointAsync(string? role, HttpContext ctx, ActorAccessor actors, SharingDbContext db, IOrganisationDirectory directory,
        QuotaLedger quota, TimeProvider clock) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), role, db, directory, quota, clock, ctx.RequestAborted));

    internal static async Task<Result<IReadOnlyList<GrantView>>> HandleAsync(Actor actor, string? role, SharingDbContext db, IOrganisationDirectory directory,
        QuotaLedger quota, TimeProvider clock, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, SharingPermissions.GrantsRead) is { } denied) return Outcomes.Denied<IReadOnlyList<GrantView>>(denied);
        var unit = await GrantAccess.UnitOfAsync(actor, directory, ct);
        var me = actor.DepartmentId ?? Guid.Empty;
        var query = db.Grants.AsNoTracking();
        query = role switch
        {
            "consumer" => query.Where(g => g.ConsumerUnitId == me),
            "provider" => query.Where(g => g.ProviderUnitId == me),
            _ when GrantAccess.IsBureau(unit) && actor.DivisionCode is not null => WithinBureau(query, me, DivisionScope.PrefixOf(actor.DivisionCode)),
            _ => query.Where(g => g.ConsumerUnitId == me || g.ProviderUnitId == me),
        };
        var grants = await query.OrderByDescending(g => g.CreatedAt).Take(500).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var list = new List<GrantView>(grants.Count);
        foreach (var g in grants) list.Add(GrantView.Of(g, now, await quota.UsedAsync(g.Id, now, ct), GrantAccess.CanManage(actor, unit, g),
            GrantAccess.CanBindClients(actor, g)));
        return list;
    }

    private static IQueryable<Grant> WithinBureau(IQueryable<Grant> q, Guid me, string prefix) =>
        q.Where(g => g.ConsumerUnitId == me || g.ProviderUnitId == me || g.ProviderDivision.StartsWith(prefix) || g.ConsumerDivision.StartsWith(prefix));
}
