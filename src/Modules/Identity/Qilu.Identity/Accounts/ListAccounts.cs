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
using Qilu.SharedKernel.Results;

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

    /// <summary>Filter: name, user name or full ID number (<paramref name="Q"/>), kind, page.</summary>
    public sealed record Request(string? Q, AccountKind? Kind, int Page = 1, int Size = 20);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/users", EndpointAsync)
        .RequirePermission(IdentityPermissions.UsersRead)
        .WithName("ListAccounts").WithSummary("用户列表 / List accounts").Produces<Paged<Item>>();

    private static async Task<IResult> EndpointAsync(string? q, string? kind, int? page, int? size, HttpContext ctx, ActorAccessor actors,
        IdentityDbContext db, AccountFields.Protection protection, TimeProvider clock, IdentityAudit audit)
    {
        AccountKind? k = kind switch { "official" => AccountKind.Official, "citizen" => AccountKind.Citizen, _ => null };
        return Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), new Request(q, k, page ?? 1, size ?? 20), db, protection, clock, audit, ctx.RequestAborted));
    }

    /// <summary>The use case (scoped, audited read), for the endpoint and the admin page alike.</summary>
    internal static async Task<Result<Paged<Item>>> HandleAsync(Actor actor, Request request, IdentityDbContext db,
        AccountFields.Protection protection, TimeProvider clock, IdentityAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, IdentityPermissions.UsersRead) is { } denied) return Outcomes.Denied<Paged<Item>>(denied);
        var result = await QueryAsync(db, protection, actor, request.Q, request.Kind, new PageRequest(request.Page, request.Size), clock.GetUtcNow(), ct);
        await audit.WriteAsync("identity.users.listed", "account", null, "success",
            new { page = result.Page, count = result.Items.Count, q = request.Q is null ? null : "***" }, actor, ct);
        return result;
    }

    internal static async Task<Paged<Item>> QueryAsync(IdentityDbContext db, AccountFields.Protection protection, Actor actor,
        string? q, AccountKind? kind, PageRequest paging, DateTimeOffset now, CancellationToken ct)
    {
        paging = paging.Normalized();
        if (actor.DivisionCode is null) return new Paged<Item>([], paging.Page, paging.Size, 0);
        var scope = DivisionScope.PrefixOf(actor.DivisionCode);
        var query = db.Accounts.AsNoTracking().Where(a => a.DivisionCode != null && a.DivisionCode.StartsWith(scope));
        if (kind is { } k) query = query.Where(a => a.Kind == k);
        if (!string.IsNullOrWhiteSpace(q))
        {
            q = q.Trim();
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
