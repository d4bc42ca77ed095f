using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Platform.Auth;
using Qilu.Platform.Cryptography.Keys;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Authority;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;

namespace Qilu.Trust.Seals;

/// <summary>
/// POST /api/trust/seals/{id}/{action}: moves a seal through its lifecycle — approve, reject, make, use, suspend, resume,
/// revoke. An action the current state does not allow answers 409 listing the allowed ones; a stale version answers 409.
/// </summary>
internal static class TransitionSeal
{
    public sealed record Request(string? Reason, uint? Version);

    private static readonly HashSet<string> Actions = ["approve", "reject", "make", "use", "suspend", "resume", "revoke"];
    private static readonly HashSet<string> NeedReason = ["reject", "suspend", "revoke"];

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/seals/{id:guid}/{action}", EndpointAsync)
        .RequireAuthorization()
        .WithName("TransitionSeal").WithSummary("印章生命周期操作 / Seal lifecycle action").Produces<SealView>();

    private static async Task<IResult> EndpointAsync(Guid id, string action, Request? request, HttpContext ctx, ActorAccessor actors,
        TrustDbContext db, IKeyStore keys, CertificateAuthority ca, TimeProvider clock, TrustAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, action, request ?? new Request(null, null), db, keys, ca, clock, audit, ctx.RequestAborted));

    internal static async Task<Result<SealView>> HandleAsync(Actor actor, Guid id, string action, Request request, TrustDbContext db,
        IKeyStore keys, CertificateAuthority ca, TimeProvider clock, TrustAudit audit, CancellationToken ct)
    {
        if (!Actions.Contains(action))
            return Outcomes.Invalid<SealView>("seal.action", $"未知操作“{action}”", $"Unknown action '{action}'", "action");
        var permission = action is "approve" or "reject" ? TrustPermissions.SealsApprove : TrustPermissions.SealsManage;
        if (Outcomes.Lacks(actor, permission) is { } denied) return Outcomes.Denied<SealView>(denied);
        var seal = await SealScope.FindAsync(db, actor, id, ct);
        if (seal is null) return Outcomes.NotFound<SealView>("印章", "Seal");
        if (request.Version is { } v && v != seal.Version)
            return Outcomes.Conflict<SealView>("concurrency", "印章已被他人修改，请刷新后重试", "The seal was changed by someone else; reload and retry", "version");
        if (seal.Next(action) is not { } next)
        {
            await audit.WriteAsync("trust.seals.transition_refused", "seal", seal.Id.ToString(), "failure", actor,
                new { action, state = SealView.StatusText(seal.Status) }, ct);
            return Outcomes.InvalidTransition<SealView>("印章", SealView.StatusText(seal.Status), action, Seal.AllowedActions(seal.Status));
        }
        var reason = request.Reason?.Trim();
        if (NeedReason.Contains(action) && string.IsNullOrEmpty(reason))
            return Outcomes.Invalid<SealView>("seal.reason", "请填写原因", "A reason is required", "reason");
        if (reason is { Length: > 200 })
            return Outcomes.Invalid<SealView>("seal.reason_length", "原因不超过 200 字", "The reason is at most 200 characters", "reason");
        // Separation of duties: whoever applied may not approve their own application.
        if (action == "approve" && seal.AppliedBy == actor.SubjectId)
            return Outcomes.Forbidden<SealView>("seal.self_approval", "不能审批自己提交的印章申请", "You cannot approve your own seal application");

        var now = clock.GetUtcNow();
        if (action == "make") await SealMaker.MakeAsync(seal, keys, ca, now, ct);
        if (action == "approve") seal.ApprovedBy = actor.SubjectId;
        if (action == "revoke") seal.RevokedAt = now;
        seal.Status = next;
        seal.StatusReason = NeedReason.Contains(action) ? reason : action == "resume" ? null : seal.StatusReason;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync($"trust.seals.{action}", "seal", seal.Id.ToString(), "success", actor,
            new { state = SealView.StatusText(next), reason, certificate = seal.CertificateSerial }, ct);
        return SealView.From(seal);
    }
}
