using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Auditing;
using Qilu.Identity.Data;
using Qilu.Identity.Verification;
using Qilu.Platform.Auth;
using Qilu.Platform.Cryptography.Fields;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Identifiers;
using Qilu.SharedKernel.Results;

namespace Qilu.Identity.Enterprises;

/// <summary>
/// POST /api/identity/enterprises: a citizen, signed in personally with at least L1 实名, registers the enterprise they
/// legally represent (企业注册). The credit code is checked (GB 32100) and the enterprise verified against the register
/// through the identity-verification provider; the citizen becomes its legal representative and can then authorise
/// agents. One registration per credit code.
/// </summary>
internal static class RegisterEnterprise
{
    public sealed record Request(string? CreditCode, string? Name);

    public sealed record Response(Guid Id, string CreditCode, string Name, string DivisionCode);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/enterprises", EndpointAsync)
        .RequireRateLimiting(RateLimitPolicies.SignIn)
        .WithName("RegisterEnterprise").WithSummary("企业注册 / Register an enterprise").Produces<Response>(StatusCodes.Status201Created);

    private static async Task<IResult> EndpointAsync(Request request, HttpContext ctx, ActorAccessor actors, IdentityDbContext db,
        IFieldProtector protector, IIdentityVerificationProvider verifier, TimeProvider clock, IdentityAudit audit) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), request, db, protector, verifier, clock, audit, ctx.RequestAborted),
            r => $"/api/identity/enterprises/{r.CreditCode}");

    /// <summary>The use case, for the endpoint and the portal page alike.</summary>
    internal static async Task<Result<Response>> HandleAsync(Actor actor, Request request, IdentityDbContext db, IFieldProtector protector,
        IIdentityVerificationProvider verifier, TimeProvider clock, IdentityAudit audit, CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
            return Result<Response>.Failure(new Error("unauthenticated", "请先登录", "Sign in first"), ErrorKind.Unauthorized);
        if (actor.Kind != ActorKind.Citizen || actor.RealNameLevel < RealNameLevel.Basic)
            return Outcomes.Forbidden<Response>("enterprise.citizen_only", "请法定代表人以个人身份（已实名）登录后登记企业",
                "The legal representative registers the enterprise, signed in personally with verified identity");
        var v = new Validation().Required("name", request.Name, "企业名称").MaxLength("name", request.Name, 200, "企业名称");
        var code = v.Parse("creditCode", request.CreditCode, CreditCode.Parse, "统一社会信用代码");
        if (!v.IsValid) return v.Invalid<Response>();
        var canonical = code!.Value.ToString();
        if (await db.Enterprises.AnyAsync(e => e.CreditCode == canonical, ct))
            return Outcomes.Conflict<Response>("enterprise.registered", "该企业已登记，请联系其法定代表人授权", "The enterprise is already registered", "creditCode");
        var accountId = Guid.TryParse(actor.SubjectId, out var parsed) ? parsed : Guid.Empty;
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, ct);
        if (account?.IdNumberProtected is null) return Outcomes.NotFound<Response>("账号", "Account");
        var representativeId = IdNumber.Parse(protector.Unprotect(account.IdNumberProtected)).Value;
        var outcome = await verifier.VerifyEnterpriseAsync(code.Value, request.Name!.Trim(), account.DisplayName, representativeId, ct);
        if (!outcome.Verified)
        {
            await audit.WriteAsync("identity.enterprise.register_refused", "enterprise", canonical, "denied", actor: actor, ct: ct);
            return Outcomes.Invalid<Response>("enterprise.verification_failed", outcome.ReasonZh ?? "企业核验未通过",
                outcome.ReasonEn ?? "Enterprise verification failed", "creditCode");
        }
        var enterprise = new Enterprise
        {
            CreditCode = canonical, Name = request.Name!.Trim(), DivisionCode = code.Value.RegionCode,
            LegalRepresentativeId = account.Id, RegisteredAt = clock.GetUtcNow(),
        };
        db.Enterprises.Add(enterprise);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent registration of the same code: the unique index let exactly one through.
            return Outcomes.Conflict<Response>("enterprise.registered", "该企业已登记", "The enterprise is already registered", "creditCode");
        }
        await audit.WriteAsync("identity.enterprise.registered", "enterprise", canonical, "success", new { enterprise.Name }, actor, ct);
        return new Response(enterprise.Id, enterprise.CreditCode, enterprise.Name, enterprise.DivisionCode);
    }
}
