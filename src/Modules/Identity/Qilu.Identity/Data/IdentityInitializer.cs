using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Identity.Roles;
using Qilu.Platform.Hosting;

namespace Qilu.Identity.Data;

/// <summary>Applies the module's migrations and makes sure the built-in roles exist (never overwriting edits).</summary>
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
    }
}
