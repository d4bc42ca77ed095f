using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Accounts;
using Qilu.Identity.Data;

namespace Qilu.Identity.SignOn;

/// <summary>The identity provider's session cookie: who signed in, how (amr), and for whom they act (enterprise).</summary>
internal static class ProviderSession
{
    public static Task SignInAsync(HttpContext context, Account account, string amr, string? enterprise = null)
    {
        var claims = new List<Claim> { new("sub", account.Id.ToString()), new("name", account.DisplayName), new("amr", amr) };
        if (enterprise is not null) claims.Add(new Claim(Platform.Auth.QiluClaims.Enterprise, enterprise));
        var identity = new ClaimsIdentity(claims, IdentitySchemes.ProviderSession, "name", "role");
        return context.SignInAsync(IdentitySchemes.ProviderSession, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = false });
    }

    /// <summary>
    /// Where to go after a successful sign-in: a citizen who can act for enterprises first chooses the capacity
    /// (personal or an enterprise), everyone else goes straight back.
    /// </summary>
    public static async Task<string> NextAsync(IdentityDbContext db, Account account, string returnUrl, TimeProvider clock, CancellationToken ct)
    {
        if (account.Kind != AccountKind.Citizen) return returnUrl;
        var now = clock.GetUtcNow();
        var represents = await db.Enterprises.AnyAsync(e => e.LegalRepresentativeId == account.Id, ct);
        var delegated = (await db.Delegations.Where(d => d.AgentAccountId == account.Id && d.RevokedAt == null).ToListAsync(ct))
            .Any(d => d.IsActive(now));
        return represents || delegated ? "/account/choose?returnUrl=" + Uri.EscapeDataString(returnUrl) : returnUrl;
    }
}
