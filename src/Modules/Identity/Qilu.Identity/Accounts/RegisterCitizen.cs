using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Auditing;
using Qilu.Identity.Data;
using Qilu.Identity.Roles;
using Qilu.Identity.Verification;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Identifiers;
using Qilu.SharedKernel.Results;

namespace Qilu.Identity.Accounts;

/// <summary>
/// POST /api/identity/register: a citizen registers with name, ID number, phone and password. The ID number is checked
/// (GB 11643) and verified through the identity-verification provider; the account's 实名 level is what the provider
/// vouches for. One account per ID number.
/// </summary>
internal static class RegisterCitizen
{
    public sealed record Request(string? Name, string? IdNumber, string? Phone, string? Password);

    public sealed record Response(Guid Id, string UserName, string IdNumberMasked, int RealNameLevel);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/register", EndpointAsync)
        .RequireRateLimiting(RateLimitPolicies.SignIn).AllowAnonymous()
        .WithName("RegisterCitizen").WithSummary("个人注册 / Citizen self-registration")
        .Produces<Response>(StatusCodes.Status201Created).ProducesValidationProblem();

    private static async Task<IResult> EndpointAsync(Request request, HttpContext ctx, IdentityDbContext db, IIdentityVerificationProvider verifier,
        IPasswordHasher<Account> hasher, AccountFields.Protection protection, TimeProvider clock, IdentityAudit audit) =>
        Outcomes.Created(await HandleAsync(request, db, verifier, hasher, protection, clock, audit, ctx.RequestAborted),
            r => $"/api/identity/users/{r.Id}");

    /// <summary>The use case, for the endpoint and the registration page alike (the registrant is anonymous).</summary>
    internal static async Task<Result<Response>> HandleAsync(Request request, IdentityDbContext db, IIdentityVerificationProvider verifier,
        IPasswordHasher<Account> hasher, AccountFields.Protection protection, TimeProvider clock, IdentityAudit audit, CancellationToken ct)
    {
        var v = new Validation().Required("name", request.Name, "姓名").MaxLength("name", request.Name, 32, "姓名");
        var id = v.Parse("idNumber", request.IdNumber, s => IdNumber.Parse(s, clock), "身份证号");
        var phone = v.Parse("phone", request.Phone, PhoneNumber.Parse, "手机号");
        PasswordPolicy.Check(v, "password", request.Password);
        if (!v.IsValid) return v.Invalid<Response>();
        if (await db.Accounts.AnyAsync(a => a.IdNumberIndex == protection.IdIndex(id!.Value), ct))
            return Outcomes.Conflict<Response>("id_number.registered", "该身份证号已注册，请直接登录或找回密码", "This ID number is already registered", "idNumber");
        var outcome = await verifier.VerifyAsync(request.Name!.Trim(), id!.Value, phone, ct);
        if (!outcome.Verified)
        {
            await audit.WriteAsync("identity.register.refused", "account", null, "denied", new { id = id.Value.Masked() }, ct: ct);
            return Outcomes.Invalid<Response>("identity.verification_failed", outcome.ReasonZh ?? "实名核验未通过", outcome.ReasonEn ?? "Identity verification failed", "idNumber");
        }
        var now = clock.GetUtcNow();
        var account = new Account
        {
            Kind = AccountKind.Citizen, UserName = "c" + Guid.NewGuid().ToString("N")[..10], DisplayName = request.Name!.Trim(),
            DivisionCode = id.Value.RegionCode, RealNameLevel = outcome.Level, CreatedAt = now,
            Roles = [new AccountRole { RoleCode = BuiltInRoles.Citizen, GrantedAt = now, GrantedBy = "self" }],
        };
        protection.SetIdNumber(account, id.Value);
        protection.SetPhone(account, phone!.Value);
        account.PasswordHash = hasher.HashPassword(account, request.Password!);
        db.Accounts.Add(account);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two registrations of one ID number raced; the unique blind index let exactly one through.
            return Outcomes.Conflict<Response>("id_number.registered", "该身份证号已注册", "This ID number is already registered", "idNumber");
        }
        await audit.WriteAsync("identity.register.succeeded", "account", account.Id.ToString(), "success", new { id = id.Value.Masked(), level = (int)outcome.Level }, ct: ct);
        return new Response(account.Id, account.UserName, id.Value.Masked(), (int)outcome.Level);
    }
}
