using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Qilu.Identity.Accounts;
using Qilu.Identity.Data;
using Qilu.Platform.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qilu.Identity.SignOn;

/// <summary>
/// Builds the claims an account carries in tokens: who (sub, name), kind, unit and division, roles, and acr (实名
/// level). Rebuilt from the database at every authorization and refresh, so a disabled account, a changed role or a
/// revoked delegation takes effect at the next refresh.
/// </summary>
internal sealed class AccountPrincipalFactory(IdentityDbContext db, TimeProvider clock)
{
    public async Task<ClaimsIdentity?> CreateAsync(Guid accountId, string? enterpriseCreditCode, CancellationToken ct)
    {
        var account = await db.Accounts.Include(a => a.Roles).SingleOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null || account.Status != AccountStatus.Active) return null;

        var identity = new ClaimsIdentity(OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreDefaults.AuthenticationScheme,
            Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, account.Id.ToString())
            .SetClaim(Claims.Name, account.DisplayName)
            .SetClaim(Claims.PreferredUsername, account.UserName)
            .SetClaim(QiluClaims.Acr, QiluClaims.AcrValue(account.RealNameLevel));
        var roles = account.Roles.Select(r => r.RoleCode).ToList();

        if (account.Kind == AccountKind.Official)
        {
            identity.SetClaim(QiluClaims.ActorKind, "official");
            if (account.DepartmentId is { } depId)
            {
                var dep = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == depId, ct);
                if (dep is not null)
                {
                    identity.SetClaim(QiluClaims.Unit, dep.Id.ToString()).SetClaim(QiluClaims.UnitName, dep.Name);
                }
            }
            if (account.DivisionCode is not null) identity.SetClaim(QiluClaims.Division, account.DivisionCode);
        }
        else if (enterpriseCreditCode is not null)
        {
            // Acting for an enterprise needs a live delegation (or being its legal representative) at this moment.
            var now = clock.GetUtcNow();
            var enterprise = await db.Enterprises.AsNoTracking().SingleOrDefaultAsync(e => e.CreditCode == enterpriseCreditCode, ct);
            if (enterprise is null) return null;
            var isRepresentative = enterprise.LegalRepresentativeId == account.Id;
            var delegations = await db.Delegations.AsNoTracking()
                .Where(d => d.EnterpriseId == enterprise.Id && d.AgentAccountId == account.Id && d.RevokedAt == null)
                .ToListAsync(ct);
            if (!isRepresentative && !delegations.Any(d => d.IsActive(now))) return null;
            identity.SetClaim(QiluClaims.ActorKind, "enterprise_agent")
                .SetClaim(QiluClaims.Enterprise, enterprise.CreditCode)
                .SetClaim(QiluClaims.UnitName, enterprise.Name);
            roles.Add(Roles.BuiltInRoles.EnterpriseAgent);
        }
        else
        {
            identity.SetClaim(QiluClaims.ActorKind, "citizen");
        }
        identity.SetClaims(Claims.Role, [.. roles.Distinct()]);
        return identity;
    }

    /// <summary>Which claims go into which token: identity claims into the id_token only when the scope allows.</summary>
    public static IEnumerable<string> DestinationsOf(Claim claim)
    {
        var principal = claim.Subject;
        switch (claim.Type)
        {
            case Claims.Name or Claims.PreferredUsername:
                yield return Destinations.AccessToken;
                if (principal?.HasScope(Scopes.Profile) == true) yield return Destinations.IdentityToken;
                yield break;
            case Claims.Role:
                yield return Destinations.AccessToken;
                if (principal?.HasScope(Scopes.Roles) == true) yield return Destinations.IdentityToken;
                yield break;
            case QiluClaims.Division or QiluClaims.Unit or QiluClaims.UnitName or QiluClaims.ActorKind or QiluClaims.Enterprise:
                yield return Destinations.AccessToken;
                if (principal?.HasScope(OidcScopes.Unit) == true) yield return Destinations.IdentityToken;
                yield break;
            case QiluClaims.Acr:
                yield return Destinations.AccessToken;
                yield return Destinations.IdentityToken;
                yield break;
            case "AspNet.Identity.SecurityStamp":
                yield break;
            default:
                yield return Destinations.AccessToken;
                yield break;
        }
    }
}
