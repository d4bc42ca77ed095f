using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Identity.Data;
using Qilu.Identity.Roles;
using Qilu.Platform.Audit;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Identity.Accounts;

/// <summary>
/// Bootstrap for a real deployment (no demo accounts): the operator creates each of the three separated
/// administrators from the command line at the provincial big-data bureau (or the first unit at the top division).
/// The random initial password is printed once.
/// </summary>
internal static class CreateAdministrator
{
    public static async Task<Result<string>> HandleAsync(IServiceProvider services, string userName, string displayName, string role, CancellationToken ct)
    {
        if (role is not (BuiltInRoles.SystemAdministrator or BuiltInRoles.SecurityAdministrator or BuiltInRoles.AuditAdministrator))
            return Result<string>.Failure(new Error("role.not_administrator", "角色须为 sys_admin、sec_admin 或 audit_admin", "role must be sys_admin, sec_admin or audit_admin", "role"));
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        if (await db.Accounts.AnyAsync(a => a.UserName == userName, ct))
            return Result<string>.Failure(new Error("user_name.taken", "登录账号已被使用", "The user name is already taken", "user"), ErrorKind.Conflict);
        var unit = await db.Departments.OrderBy(d => d.DivisionCode.Length).ThenBy(d => d.Kind == "bigdata" ? 0 : 1).ThenBy(d => d.Order).FirstOrDefaultAsync(ct);
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var password = "Qilu-" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');
        var account = new Account
        {
            Kind = AccountKind.Official, UserName = userName, DisplayName = displayName, DepartmentId = unit?.Id,
            DivisionCode = unit?.DivisionCode ?? "370000", RealNameLevel = RealNameLevel.InPerson, CreatedAt = now,
            Roles = [new AccountRole { RoleCode = role, GrantedAt = now, GrantedBy = "cli" }],
        };
        account.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<Account>>().HashPassword(account, password);
        db.Accounts.Add(account);
        await db.SaveChangesAsync(ct);
        var system = new Actor(ActorKind.SystemClient, "cli", "命令行", null, null, new HashSet<string>(), new HashSet<string>(), RealNameLevel.None);
        await scope.ServiceProvider.GetRequiredService<IAuditWriter>().WriteAsync(
            new AuditEvent("identity.users.created", "account", account.Id.ToString(), "success", system, new { userName, role, via = "cli" }), ct);
        return password;
    }
}
