using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Accounts;
using Qilu.Identity.Auditing;
using Qilu.Identity.Data;
using Qilu.Platform.Cryptography.Fields;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Identifiers;

namespace Qilu.Identity.SignOn;

/// <summary>
/// The login form's POST: user name, ID number or phone plus password. Five failures in a row lock the account for
/// 15 minutes; every attempt is audited; the same message is shown for unknown user and wrong password so that
/// account existence cannot be probed.
/// </summary>
internal static class SignInWithPassword
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/account/login", HandleAsync).ExcludeFromDescription().RequireRateLimiting(RateLimitPolicies.SignIn);
    }

    internal static async Task<Account?> FindAsync(IdentityDbContext db, IFieldProtector protector, string login, CancellationToken ct)
    {
        login = login.Trim();
        if (IdNumber.TryParse(login, out var id))
        {
            var index = protector.BlindIndex(id.ToString(), AccountFields.IdNumberPurpose);
            return await db.Accounts.SingleOrDefaultAsync(a => a.IdNumberIndex == index, ct);
        }
        if (PhoneNumber.TryParse(login, out var phone) && login.All(char.IsDigit))
        {
            var index = protector.BlindIndex(phone.ToString(), AccountFields.PhonePurpose);
            var byPhone = await db.Accounts.Where(a => a.PhoneIndex == index).ToListAsync(ct);
            if (byPhone.Count == 1) return byPhone[0];
        }
        return await db.Accounts.SingleOrDefaultAsync(a => a.UserName == login, ct);
    }

    private static async Task<IResult> HandleAsync(HttpContext context, [FromForm] string? username, [FromForm] string? password,
        [FromForm] string? returnUrl, IdentityDbContext db, IFieldProtector protector, IPasswordHasher<Account> hasher,
        TimeProvider clock, IdentityAudit audit)
    {
        var back = SafeReturnUrl(returnUrl);
        IResult Fail(string code) => Results.Redirect($"/account/login?error={code}&returnUrl={Uri.EscapeDataString(back)}");
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password)) return Fail("required");

        var now = clock.GetUtcNow();
        var account = await FindAsync(db, protector, username, context.RequestAborted);
        var shownLogin = MaskLogin(username);
        if (account is null)
        {
            await audit.WriteAsync("identity.signin.failed", "account", null, "failure", new { login = shownLogin, reason = "unknown" });
            return Fail("invalid");
        }
        if (account.Status != AccountStatus.Active)
        {
            await audit.WriteAsync("identity.signin.failed", "account", account.Id.ToString(), "denied", new { reason = "disabled" });
            return Fail("disabled");
        }
        if (account.IsLockedOut(now))
        {
            await audit.WriteAsync("identity.signin.failed", "account", account.Id.ToString(), "denied", new { reason = "locked" });
            return Fail("locked");
        }
        var verdict = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var locked = account.RecordFailedSignIn(now);
            await db.SaveChangesAsync(context.RequestAborted);
            await audit.WriteAsync("identity.signin.failed", "account", account.Id.ToString(), "failure", new { reason = "password" });
            if (locked) await audit.WriteAsync("identity.account.locked", "account", account.Id.ToString(), "success",
                new { until = account.LockedUntil });
            return Fail(locked ? "locked" : "invalid");
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded) account.PasswordHash = hasher.HashPassword(account, password);

        if (account.TotpEnabled)
        {
            await db.SaveChangesAsync(context.RequestAborted);
            var pending = new ClaimsIdentity([new Claim("sub", account.Id.ToString())], IdentitySchemes.SecondFactor);
            await context.SignInAsync(IdentitySchemes.SecondFactor, new ClaimsPrincipal(pending));
            return Results.Redirect("/account/totp?returnUrl=" + Uri.EscapeDataString(back));
        }
        account.RecordSignIn(now);
        await db.SaveChangesAsync(context.RequestAborted);
        await ProviderSession.SignInAsync(context, account, "pwd");
        await audit.WriteAsync("identity.signin.succeeded", "account", account.Id.ToString(), "success", new { amr = "pwd" },
            actor: account.AsSigningInActor());
        return Results.Redirect(await ProviderSession.NextAsync(db, account, back, clock, context.RequestAborted));
    }

    /// <summary>A login as it may appear in the audit log: ID numbers and phones masked, user names as typed.</summary>
    private static string MaskLogin(string login) =>
        IdNumber.TryParse(login, out var id) ? id.Masked()
        : PhoneNumber.TryParse(login, out var phone) ? phone.Masked()
        : login.Length > 64 ? login[..64] : login;

    /// <summary>Only local paths: an absolute return URL would make the login page an open redirector.</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl : "/";
}
