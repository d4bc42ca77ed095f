using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Contracts;
using Qilu.Identity.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Identity.Accounts;

/// <summary>
/// GET /api/identity/users/by-city: number of accounts (officials and citizens) per city (地市) within the caller's
/// scope, for the users page's chart. Counts only; no personal data.
/// </summary>
internal static class CountAccountsByCity
{
    public sealed record Item(string CityCode, string CityName, long Officials, long Citizens);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/users/by-city", EndpointAsync)
        .RequirePermission(IdentityPermissions.UsersRead)
        .WithName("CountAccountsByCity").WithSummary("各地市账号数 / Accounts per city").Produces<Item[]>();

    private static async Task<IResult> EndpointAsync(HttpContext ctx, ActorAccessor actors, IdentityDbContext db) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), db, ctx.RequestAborted));

    /// <summary>The use case, for the endpoint and the admin page alike.</summary>
    internal static async Task<Result<List<Item>>> HandleAsync(Actor actor, IdentityDbContext db, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, IdentityPermissions.UsersRead) is { } denied) return Outcomes.Denied<List<Item>>(denied);
        if (actor.DivisionCode is null) return new List<Item>();
        var scope = DivisionScope.PrefixOf(actor.DivisionCode);
        // GB/T 2260: the first four digits name the city; "370000" (the province itself) has no city.
        var counts = await db.Accounts.AsNoTracking()
            .Where(a => a.DivisionCode != null && a.DivisionCode.StartsWith(scope) && a.DivisionCode.Length >= 6)
            .GroupBy(a => new { City = a.DivisionCode!.Substring(0, 4), a.Kind })
            .Select(g => new { g.Key.City, g.Key.Kind, Count = g.LongCount() })
            .ToListAsync(ct);
        var cityCodes = counts.Select(c => c.City + "00").Distinct().ToList();
        var names = await db.Divisions.AsNoTracking().Where(d => cityCodes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        return counts.GroupBy(c => c.City + "00")
            .Select(g => new Item(g.Key, names.TryGetValue(g.Key, out var n) ? n : g.Key,
                g.Where(x => x.Kind == AccountKind.Official).Sum(x => x.Count), g.Where(x => x.Kind == AccountKind.Citizen).Sum(x => x.Count)))
            .OrderBy(i => i.CityCode, StringComparer.Ordinal).ToList();
    }
}
