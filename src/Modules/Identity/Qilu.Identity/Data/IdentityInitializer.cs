using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Identity.Roles;
using Qilu.Identity.Seed;
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
        // GB/T 2260 divisions of Shandong are reference data, not demo data: every deployment starts with the tree
        // (16 cities, 136 counties, the towns of 济南 and 青岛) and keeps it current through import.
        if (!await db.Divisions.AnyAsync(cancellationToken))
            db.Divisions.AddRange(DivisionCsv.Read(DivisionCsv.Embedded()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
