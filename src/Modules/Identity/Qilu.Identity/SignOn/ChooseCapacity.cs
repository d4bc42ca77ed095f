using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Auditing;
using Qilu.Identity.Data;

namespace Qilu.Identity.SignOn;

/// <summary>
/// After sign-in, a citizen who represents or is delegated by enterprises chooses to act personally or for one of
/// them; the choice goes into the provider session and so into the tokens (actor kind enterprise_agent).
/// </summary>
internal static class ChooseCapacity
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/account/choose", HandleAsync).ExcludeFromDescription();
    }

    /// <summary>Enterprises the account may act for right now: represented, or delegated and not revoked/expired.</summary>
    internal static async Task<List<(string CreditCode, string Name, bool Representative)>> OptionsAsync(
        IdentityDbContext db, Guid accountId, DateTimeOffset now, CancellationToken ct)
    {
        var represented = await db.Enterprises.AsNoTracking().Where(e => e.LegalRepresentativeId == accountId)
            .Select(e => new { e.CreditCode, e.Name }).ToListAsync(ct);
        var delegations = await db.Delegations.AsNoTracking().Where(d => d.AgentAccountId == accountId && d.RevokedAt == null).ToListAsync(ct);
        var activeIds = delegations.Where(d => d.IsActive(now)).Select(d => d.EnterpriseId).ToList();
        var delegated = await db.Enterprises.AsNoTracking().Where(e => activeIds.Contains(e.Id))
            .Select(e => new { e.CreditCode, e.Name }).ToListAsync(ct);
        return [.. represented.Select(e => (e.CreditCode, e.Name, true)),
                .. delegated.Where(d => represented.All(r => r.CreditCode != d.CreditCode)).Select(e => (e.CreditCode, e.Name, false))];
    }

    private static async Task<IResult> HandleAsync(HttpContext context, [FromForm] string? capacity, [FromForm] string? returnUrl,
        IdentityDbContext db, TimeProvider clock, IdentityAudit audit)
    {
        var back = SignInWithPassword.SafeReturnUrl(returnUrl);
        var session = await context.AuthenticateAsync(IdentitySchemes.ProviderSession);
        if (!session.Succeeded || !Guid.TryParse(session.Principal?.FindFirst("sub")?.Value, out var accountId))
            return Results.Redirect("/account/login?returnUrl=" + Uri.EscapeDataString(back));
        var account = await db.Accounts.FindAsync([accountId], context.RequestAborted);
        if (account is null) return Results.Redirect("/account/login");
        string? enterprise = null;
        if (!string.IsNullOrEmpty(capacity) && capacity != "personal")
        {
            var options = await OptionsAsync(db, accountId, clock.GetUtcNow(), context.RequestAborted);
            if (options.All(o => o.CreditCode != capacity))
                return Results.Redirect("/account/choose?error=invalid&returnUrl=" + Uri.EscapeDataString(back));
            enterprise = capacity;
        }
        await ProviderSession.SignInAsync(context, account, session.Principal!.FindFirst("amr")?.Value ?? "pwd", enterprise);
        await audit.WriteAsync("identity.capacity.chosen", "account", account.Id.ToString(), "success", new { enterprise });
        return Results.Redirect(back);
    }
}
