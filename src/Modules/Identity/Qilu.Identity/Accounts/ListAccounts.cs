using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Auditing;
using Qilu.Identity.Contracts;
using Qilu.Identity.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Identifiers;
using Qilu.SharedKernel.Paging;

namespace Qilu.Identity.Accounts;

/// <summary>
/// GET /api/identity/users: accounts whose division lies in the caller's subtree (officials of units there, citizens
/// resident there). Personal identifiers appear masked only; searching by full ID number goes through the blind index.
/// The read itself is audited (who looked at which page of people).
/// </summary>
internal static class ListAccounts
{
    public sealed record Item(Guid Id, string Kind, string UserName, string DisplayName, string? DivisionCode, Guid? DepartmentId,
        string? IdNumberMasked, string? PhoneMasked, int RealNameLevel, string Status, bool Locked, bool TotpEnabled, string[] Roles, uint Version);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/users", HandleAsync)
        .RequirePermission(IdentityPermissions.UsersRead)
        .WithName("ListAccounts").WithSummary("用户列表 / List accounts").Produces<Paged<Item>>();

    private static async Task<IResult> HandleAsync(string? q, string? kind, int? page, int? size, HttpContext ctx, ActorAccessor actors,
        IdentityDbContext db, AccountFields.Protection protection, TimeProvider clock, IdentityAudit audit)
    {
        var actor = actors.FromContext(ctx);
        var result = await QueryAsync(db, protection, actor, q, kind, new PageRequest(page ?? 1, size ?? 20), clock.GetUtcNow(), ctx.RequestAborted);
        await audit.WriteAsync("identity.users.listed", "account", null, "success", new { page = result.Page, count = result.Items.Count, q = q is null ? null : "***" });
        return Results.Ok(result);
    }

    internal static async Task<Paged<Item>> QueryAsync(IdentityDbContext db, AccountFields.Protection protection, Actor actor,
        string? q, string? kind, PageRequest paging, DateTimeOffset now, CancellationToken ct)
    {
        paging = paging.Normalized();
        if (actor.DivisionCode is null) return new Paged<Item>([], paging.Page, paging.Size, 0);
        var scope = DivisionScope.PrefixOf(actor.DivisionCode);
        var query = db.Accounts.AsNoTracking().Where(a => a.DivisionCode != null && a.DivisionCode.StartsWith(scope));
        if (kind == "official") query = query.Where(a => a.Kind == AccountKind.Official);
        else if (kind == "citizen") query = query.Where(a => a.Kind == AccountKind.Citizen);
        if (!string.IsNullOrWhiteSpace(q))
        {
            if (IdNumber.TryParse(q, out var id))
            {
                var index = protection.IdIndex(id);
                query = query.Where(a => a.IdNumberIndex == index);
            }
            else query = query.Where(a => a.UserName.Contains(q) || a.DisplayName.Contains(q));
        }
        var total = await query.LongCountAsync(ct);
        var rows = await query.OrderBy(a => a.Kind).ThenBy(a => a.UserName).Skip(paging.Skip).Take(paging.Size)
            .Include(a => a.Roles).ToListAsync(ct);
        return new Paged<Item>([.. rows.Select(a => ToItem(a, now))], paging.Page, paging.Size, total);
    }

    internal static Item ToItem(Account a, DateTimeOffset now) => new(a.Id, a.Kind.ToString(), a.UserName, a.DisplayName, a.DivisionCode, a.DepartmentId,
        a.IdNumberMasked, a.PhoneMasked, (int)a.RealNameLevel, a.Status.ToString(), a.IsLockedOut(now), a.TotpEnabled,
        [.. a.Roles.Select(r => r.RoleCode).Order()], a.Version);
}
