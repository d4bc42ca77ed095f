using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Identity.Data;
using Qilu.Platform.Auth;
using Shouldly;

namespace Qilu.Identity.Tests.Roles;

public sealed class DeclaredPermissionsTests
{
    private static QiluFactory HostDeclaring(params PermissionDefinition[] permissions) => new(new QiluFactoryOptions
    {
        DemoData = false,
        ConfigureServices = services => services.AddModulePermissions(permissions),
    });

    [Fact]
    public async Task Start_WhenAModuleDeclaresAPermission_GrantsItToItsDefaultRolesOnly()
    {
        await using var host = HostDeclaring(new PermissionDefinition("test.things.read", "查看", "Read",
            WellKnownRoles.Official, WellKnownRoles.DataOfficer, "no_such_role"));
        _ = host.Server;
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();

        var holders = await db.RolePermissions.Where(p => p.Permission == "test.things.read").Select(p => p.RoleCode).OrderBy(r => r).ToListAsync(TestContext.Current.CancellationToken);

        holders.ShouldBe([WellKnownRoles.DataOfficer, WellKnownRoles.Official]);
        host.Services.GetRequiredService<IRolePermissions>().PermissionsOf([WellKnownRoles.Official]).ShouldContain("test.things.read");
    }

    [Fact]
    public async Task Restart_WhenTheAdministratorRemovedADefaultGrant_DoesNotGrantItAgain()
    {
        await using var host = HostDeclaring(new PermissionDefinition("test.things.write", "修改", "Write", WellKnownRoles.Official));
        _ = host.Server;
        var ct = TestContext.Current.CancellationToken;
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            await db.RolePermissions.Where(p => p.Permission == "test.things.write").ExecuteDeleteAsync(ct);
        }

        await new IdentityInitializer().InitializeAsync(host.Services, ct);

        using var after = host.Services.CreateScope();
        (await after.ServiceProvider.GetRequiredService<IdentityDbContext>().RolePermissions
            .AnyAsync(p => p.Permission == "test.things.write", ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Start_WhenAModuleAsksToGiveTheAuditPermissionToOfficials_RefusesThatGrant()
    {
        await using var host = HostDeclaring(new PermissionDefinition(Contracts.IdentityPermissions.AuditRead, "审计", "Audit", WellKnownRoles.Official));
        _ = host.Server;
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();

        (await db.RolePermissions.AnyAsync(p => p.Permission == Contracts.IdentityPermissions.AuditRead && p.RoleCode == WellKnownRoles.Official,
            TestContext.Current.CancellationToken)).ShouldBeFalse();
    }
}
