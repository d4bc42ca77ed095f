using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Auditing;
using Qilu.Identity.Contracts;
using Qilu.Identity.Data;
using Qilu.Identity.Roles;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Identifiers;
using Qilu.SharedKernel.Results;

namespace Qilu.Identity.Accounts;

/// <summary>
/// POST /api/identity/users: the system administrator opens an account for an official of a unit inside their scope,
/// with an initial password (policy: ≥ 10 characters with letters and digits), optional ID number and phone
/// (validated and stored encrypted), and roles (checked for separation of duties).
/// </summary>
internal static class CreateOfficial
{
    public sealed record Request(string? UserName, string? DisplayName, Guid? DepartmentId, string? Password,
        string? IdNumber, string? Phone, string[]? Roles);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/users", EndpointAsync)
        .RequirePermission(IdentityPermissions.UsersManage)
        .WithName("CreateOfficial").WithSummary("新建工作人员账号 / Create an official's account")
        .Produces<ListAccounts.Item>(StatusCodes.Status201Created).ProducesValidationProblem();

    private static async Task<IResult> EndpointAsync(Request request, HttpContext ctx, ActorAccessor actors, IdentityDbContext db,
        IPasswordHasher<Account> hasher, AccountFields.Protection protection, TimeProvider clock, IdentityAudit audit) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), request, db, hasher, protection, clock, audit, ctx.RequestAborted),
            item => $"/api/identity/users/{item.Id}");

    /// <summary>The use case, for the endpoint and the admin page alike.</summary>
    internal static async Task<Result<ListAccounts.Item>> HandleAsync(Actor actor, Request request, IdentityDbContext db,
        IPasswordHasher<Account> hasher, AccountFields.Protection protection, TimeProvider clock, IdentityAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, IdentityPermissions.UsersManage) is { } denied) return Outcomes.Denied<ListAccounts.Item>(denied);
        var v = new Validation()
            .Required("userName", request.UserName, "登录账号")
            .Rule(request.UserName is null || System.Text.RegularExpressions.Regex.IsMatch(request.UserName, "^[a-z][a-z0-9._-]{2,31}$"),
                "userName", "user_name.format", "登录账号须以小写字母开头，3–32位小写字母、数字或 . _ -", "userName must be 3–32 lowercase letters, digits or . _ -, starting with a letter")
            .Required("displayName", request.DisplayName, "姓名").MaxLength("displayName", request.DisplayName, 32, "姓名")
            .Rule(request.DepartmentId is not null, "departmentId", "required", "所属单位不能为空", "departmentId is required");
        PasswordPolicy.Check(v, "password", request.Password);
        IdNumber? id = string.IsNullOrWhiteSpace(request.IdNumber) ? null : v.Parse("idNumber", request.IdNumber, s => IdNumber.Parse(s, clock), "身份证号");
        PhoneNumber? phone = string.IsNullOrWhiteSpace(request.Phone) ? null : v.Parse("phone", request.Phone, PhoneNumber.Parse, "手机号");
        var roles = request.Roles ?? [BuiltInRoles.Official];
        var roleRows = await db.Roles.Where(r => roles.Contains(r.Code)).ToListAsync(ct);
        foreach (var missing in roles.Except(roleRows.Select(r => r.Code)))
            v.Add(new Error("role.unknown", $"角色不存在：{missing}", $"Unknown role: {missing}", "roles"));
        if (SeparationOfDuties.Check(roleRows) is { } sod) v.Add(sod);
        if (!v.IsValid) return v.Invalid<ListAccounts.Item>();

        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == request.DepartmentId, ct);
        if (department is null || !actor.CanSeeDivision(department.DivisionCode))
            return Outcomes.Invalid<ListAccounts.Item>("department.out_of_scope", "所属单位不存在或不在您的管辖范围内", "The department does not exist or is outside your scope", "departmentId");
        if (await db.Accounts.AnyAsync(a => a.UserName == request.UserName, ct))
            return Outcomes.Conflict<ListAccounts.Item>("user_name.taken", "登录账号已被使用", "The user name is already taken", "userName");
        if (id is { } idValue && await db.Accounts.AnyAsync(a => a.IdNumberIndex == protection.IdIndex(idValue), ct))
            return Outcomes.Conflict<ListAccounts.Item>("id_number.taken", "该身份证号已有账号", "An account with this ID number exists", "idNumber");

        var now = clock.GetUtcNow();
        var account = new Account
        {
            Kind = AccountKind.Official, UserName = request.UserName!, DisplayName = request.DisplayName!.Trim(),
            DepartmentId = department.Id, DivisionCode = department.DivisionCode, RealNameLevel = RealNameLevel.InPerson, CreatedAt = now,
            Roles = [.. roles.Select(r => new AccountRole { RoleCode = r, GrantedAt = now, GrantedBy = actor.SubjectId })],
        };
        account.PasswordHash = hasher.HashPassword(account, request.Password!);
        if (id is { } i) protection.SetIdNumber(account, i);
        if (phone is { } p) protection.SetPhone(account, p);
        db.Accounts.Add(account);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent request took the same user name or ID number between the checks and the insert; the
            // unique indexes let exactly one through.
            return Outcomes.Conflict<ListAccounts.Item>("user_name.taken", "登录账号或身份证号已被使用", "The user name or ID number is already taken", "userName");
        }
        await audit.WriteAsync("identity.users.created", "account", account.Id.ToString(), "success",
            new { account.UserName, department = department.Name, roles }, actor, ct);
        return ListAccounts.ToItem(account, now);
    }
}
