using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Identity.Roles;
using Qilu.Identity.Seed;
using Qilu.Platform.Auth;
using Qilu.Platform.Hosting;

namespace Qilu.Identity.Data;

/// <summary>
/// Applies the module's migrations and makes sure the built-in roles and the division tree exist (never overwriting
/// edits).
/// </summary>
internal sealed class IdentityInitializer : IModuleInitializer
{
    public int Order => 100;

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        var existing = await db.Roles.Select(r => r.Code).ToListAsync(cancellationToken);
        foreach (var (code, zh, en, group, permissions) in BuiltInRoles.All)
        {
            if (existing.Contains(code)) continue;
            db.Roles.Add(new Role
            {
                Code = code, NameZh = zh, NameEn = en, Group = group, BuiltIn = true,
                Permissions = [.. permissions.Select(p => new RolePermission { RoleCode = code, Permission = p })],
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        await GrantDeclaredPermissionsAsync(db, services, cancellationToken);
        // GB/T 2260 divisions of Shandong are reference data, not demo data: every deployment starts with the tree
        // (16 cities, 136 counties, the towns of 济南 and 青岛) and keeps it current through import.
        if (!await db.Divisions.AnyAsync(cancellationToken))
            db.Divisions.AddRange(DivisionCsv.Read(DivisionCsv.Embedded()));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Other modules declare their permissions with default roles (<see cref="ModulePermissions"/>). A permission seen
    /// for the first time is granted to those roles once; later edits by the security administrator stand.
    /// </summary>
    private static async Task GrantDeclaredPermissionsAsync(IdentityDbContext db, IServiceProvider services, CancellationToken ct)
    {
        var declared = services.GetRequiredService<IPermissionRegistry>().All;
        if (declared.Count == 0) return;
        var seen = (await db.DeclaredPermissions.Select(d => d.Permission).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var roles = (await db.Roles.Select(r => r.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var granted = (await db.RolePermissions.Select(p => new { p.RoleCode, p.Permission }).ToListAsync(ct))
            .Select(p => (p.RoleCode, p.Permission)).ToHashSet();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var permission in declared.Where(p => !seen.Contains(p.Name)))
        {
            db.DeclaredPermissions.Add(new DeclaredPermission { Permission = permission.Name, FirstSeenAt = now });
            foreach (var role in permission.DefaultRoles.Where(roles.Contains))
            {
                // 三员分立: audit-only permissions never leave the audit group, whatever a module asks for.
                if (BuiltInRoles.AuditOnly.Contains(permission.Name) && role != BuiltInRoles.AuditAdministrator) continue;
                if (granted.Add((role, permission.Name)))
                    db.RolePermissions.Add(new RolePermission { RoleCode = role, Permission = permission.Name });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
