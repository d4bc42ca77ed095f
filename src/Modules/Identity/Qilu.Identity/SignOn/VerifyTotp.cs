using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Qilu.Identity.Accounts;
using Qilu.Identity.Auditing;
using Qilu.Identity.Data;
using Qilu.Platform.Http;

namespace Qilu.Identity.SignOn;

/// <summary>Second step for accounts with TOTP (RFC 6238): the code from the authenticator app. Failures count toward lockout.</summary>
internal static class VerifyTotp
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/account/totp", HandleAsync).ExcludeFromDescription().RequireRateLimiting(RateLimitPolicies.SignIn);
    }

    private static async Task<IResult> HandleAsync(HttpContext context, [FromForm] string? code, [FromForm] string? returnUrl,
        IdentityDbContext db, TotpService totp, TimeProvider clock, IdentityAudit audit)
    {
        var back = SignInWithPassword.SafeReturnUrl(returnUrl);
        var pending = await context.AuthenticateAsync(IdentitySchemes.SecondFactor);
        if (!pending.Succeeded || !Guid.TryParse(pending.Principal?.FindFirst("sub")?.Value, out var accountId))
            return Results.Redirect("/account/login?error=expired&returnUrl=" + Uri.EscapeDataString(back));
        var account = await db.Accounts.FindAsync([accountId], context.RequestAborted);
        var now = clock.GetUtcNow();
        if (account is null || account.Status != AccountStatus.Active || account.IsLockedOut(now))
            return Results.Redirect("/account/login?error=locked&returnUrl=" + Uri.EscapeDataString(back));
        if (!totp.Verify(account, code, now))
        {
            var locked = account.RecordFailedSignIn(now);
            await db.SaveChangesAsync(context.RequestAborted);
            await audit.WriteAsync("identity.signin.failed", "account", account.Id.ToString(), "failure", new { reason = "totp" });
            if (locked)
            {
                await context.SignOutAsync(IdentitySchemes.SecondFactor);
                return Results.Redirect("/account/login?error=locked&returnUrl=" + Uri.EscapeDataString(back));
            }
            return Results.Redirect("/account/totp?error=invalid&returnUrl=" + Uri.EscapeDataString(back));
        }
        account.RecordSignIn(now);
        await db.SaveChangesAsync(context.RequestAborted);
        await context.SignOutAsync(IdentitySchemes.SecondFactor);
        await ProviderSession.SignInAsync(context, account, "otp");
        await audit.WriteAsync("identity.signin.succeeded", "account", account.Id.ToString(), "success", new { amr = "pwd otp" },
            actor: account.AsSigningInActor());
        return Results.Redirect(await ProviderSession.NextAsync(db, account, back, clock, context.RequestAborted));
    }
}
