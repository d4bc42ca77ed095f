using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Auditing;
using Qilu.Identity.Data;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Identity.Accounts;

/// <summary>
/// TOTP enrolment for an official's own account, in two steps: GET /api/identity/me/totp/new proposes a fresh secret
/// and its otpauth:// URI (nothing is stored); POST /api/identity/me/totp enables it only once the official proves
/// their authenticator produces a current code for that secret. Enabled TOTP is then required at every sign-in.
/// </summary>
internal static class EnrolTotp
{
    public const string Issuer = "齐鲁统一身份认证";

    public sealed record Proposal(string Secret, string OtpAuthUri);

    public sealed record Request(string? Secret, string? Code);

    public sealed record Response(bool TotpEnabled);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/me/totp/new", (HttpContext ctx, ActorAccessor actors) => Outcomes.Ok(Propose(actors.FromContext(ctx))))
            .WithName("ProposeTotp").WithSummary("生成动态口令密钥 / Propose a TOTP secret").Produces<Proposal>();
        api.MapPost("/me/totp", async (Request request, HttpContext ctx, ActorAccessor actors, IdentityDbContext db, TotpService totp,
                TimeProvider clock, IdentityAudit audit) =>
                Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), request, db, totp, clock, audit, ctx.RequestAborted)))
            .WithName("EnableTotp").WithSummary("启用动态口令 / Enable TOTP").Produces<Response>();
    }

    /// <summary>A new secret for the actor's authenticator app; officials only.</summary>
    internal static Result<Proposal> Propose(Actor actor)
    {
        if (actor.Kind != ActorKind.Official)
            return Outcomes.Forbidden<Proposal>("totp.officials_only", "动态口令仅适用于工作人员账号", "TOTP is for officials' accounts");
        var secret = TotpService.NewSecret();
        return new Proposal(secret, TotpService.ProvisioningUri(Issuer, actor.DisplayName, secret));
    }

    /// <summary>The confirmation step, for the endpoint and the workbench page alike.</summary>
    internal static async Task<Result<Response>> HandleAsync(Actor actor, Request request, IdentityDbContext db, TotpService totp,
        TimeProvider clock, IdentityAudit audit, CancellationToken ct)
    {
        if (actor.Kind != ActorKind.Official || !Guid.TryParse(actor.SubjectId, out var id))
            return Outcomes.Forbidden<Response>("totp.officials_only", "动态口令仅适用于工作人员账号", "TOTP is for officials' accounts");
        var v = new Validation().Required("secret", request.Secret, "密钥").Required("code", request.Code, "动态口令");
        if (!v.IsValid) return v.Invalid<Response>();
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null) return Outcomes.NotFound<Response>("账号", "Account");
        if (account.TotpEnabled)
            return Outcomes.Conflict<Response>("totp.already_enabled", "动态口令已启用；如需更换请联系安全管理员重置", "TOTP is already enabled");
        if (!TotpService.VerifyPending(request.Secret!, request.Code, clock.GetUtcNow(), out var step))
        {
            await audit.WriteAsync("identity.totp.enrol_failed", "account", account.Id.ToString(), "failure", actor: actor, ct: ct);
            return Outcomes.Invalid<Response>("totp.code_invalid", "动态口令不正确或已过期，请输入验证器当前显示的 6 位数字", "The code is wrong or expired; enter the 6 digits your authenticator shows now", "code");
        }
        totp.Enable(account, request.Secret!.Trim());
        account.LastTotpStep = step;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("identity.totp.enabled", "account", account.Id.ToString(), "success", actor: actor, ct: ct);
        return new Response(true);
    }
}
