using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Qilu.Identity.Accounts;
using Qilu.Identity.Departments;
using Qilu.Identity.Divisions;
using Qilu.Identity.Enterprises;
using Qilu.Identity.Roles;
using Qilu.Platform.Persistence;

namespace Qilu.Identity.Data;

/// <summary>The Identity module's data: divisions, departments, accounts, roles, enterprises, and OpenIddict's tables.</summary>
internal abstract class IdentityDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "identity";

    public DbSet<Division> Divisions => Set<Division>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<AccountRole> AccountRoles => Set<AccountRole>();

    public DbSet<Role> Roles => Set<Role>();

    public DbSet<RolePermission> RolePermissions => Set<RolePermission>();

    public DbSet<DeclaredPermission> DeclaredPermissions => Set<DeclaredPermission>();

    public DbSet<Enterprise> Enterprises => Set<Enterprise>();

    public DbSet<Delegation> Delegations => Set<Delegation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseOpenIddict();

        modelBuilder.Entity<Division>(e =>
        {
            e.ToTable("divisions");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(12);
            e.Property(x => x.Name).HasMaxLength(64);
            e.Property(x => x.ParentCode).HasMaxLength(12);
            e.HasIndex(x => x.ParentCode);
        });
        modelBuilder.Entity<Department>(e =>
        {
            e.ToTable("departments");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.CreditCode).HasMaxLength(18);
            e.Property(x => x.DivisionCode).HasMaxLength(12);
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.CreditCode).IsUnique();
            e.HasIndex(x => x.DivisionCode);
        });
        modelBuilder.Entity<Account>(e =>
        {
            e.ToTable("accounts");
            e.HasKey(x => x.Id);
            e.Property(x => x.UserName).HasMaxLength(64);
            e.Property(x => x.DisplayName).HasMaxLength(64);
            e.Property(x => x.PasswordHash).HasMaxLength(200);
            e.Property(x => x.IdNumberProtected).HasMaxLength(200);
            e.Property(x => x.IdNumberIndex).HasMaxLength(64);
            e.Property(x => x.IdNumberMasked).HasMaxLength(18);
            e.Property(x => x.PhoneProtected).HasMaxLength(200);
            e.Property(x => x.PhoneIndex).HasMaxLength(64);
            e.Property(x => x.PhoneMasked).HasMaxLength(20);
            e.Property(x => x.DivisionCode).HasMaxLength(12);
            e.Property(x => x.TotpSecretProtected).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.UserName).IsUnique();
            e.HasIndex(x => x.IdNumberIndex).IsUnique();
            e.HasIndex(x => x.PhoneIndex);
            e.HasIndex(x => x.DivisionCode);
            e.HasIndex(x => x.DepartmentId);
            e.HasMany(x => x.Roles).WithOne().HasForeignKey(r => r.AccountId);
        });
        modelBuilder.Entity<AccountRole>(e =>
        {
            e.ToTable("account_roles");
            e.HasKey(x => new { x.AccountId, x.RoleCode });
            e.Property(x => x.RoleCode).HasMaxLength(40);
            e.Property(x => x.GrantedBy).HasMaxLength(64);
        });
        modelBuilder.Entity<Role>(e =>
        {
            e.ToTable("roles");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(40);
            e.Property(x => x.NameZh).HasMaxLength(64);
            e.Property(x => x.NameEn).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasMany(x => x.Permissions).WithOne().HasForeignKey(p => p.RoleCode);
        });
        modelBuilder.Entity<RolePermission>(e =>
        {
            e.ToTable("role_permissions");
            e.HasKey(x => new { x.RoleCode, x.Permission });
            e.Property(x => x.Permission).HasMaxLength(80);
        });
        modelBuilder.Entity<DeclaredPermission>(e =>
        {
            e.ToTable("declared_permissions");
            e.HasKey(x => x.Permission);
            e.Property(x => x.Permission).HasMaxLength(80);
        });
        modelBuilder.Entity<Enterprise>(e =>
        {
            e.ToTable("enterprises");
            e.HasKey(x => x.Id);
            e.Property(x => x.CreditCode).HasMaxLength(18);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.DivisionCode).HasMaxLength(12);
            e.HasIndex(x => x.CreditCode).IsUnique();
        });
        modelBuilder.Entity<Delegation>(e =>
        {
            e.ToTable("delegations");
            e.HasKey(x => x.Id);
            e.Property(x => x.GrantedBy).HasMaxLength(64);
            e.Property(x => x.RevokedBy).HasMaxLength(64);
            e.HasIndex(x => new { x.AgentAccountId, x.EnterpriseId });
        });

        ModuleTableLayout.Apply(modelBuilder, Module, Database.IsSqlite());
    }

    /// <summary>Bumps the version of every modified versioned entity so concurrent edits conflict (409) instead of overwriting.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ConcurrencyVersions.Bump(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

internal sealed class IdentitySqliteDbContext(DbContextOptions<IdentitySqliteDbContext> options) : IdentityDbContext(options);

internal sealed class IdentityPostgresDbContext(DbContextOptions<IdentityPostgresDbContext> options) : IdentityDbContext(options);

internal sealed class IdentitySqliteDesignFactory : IDesignTimeDbContextFactory<IdentitySqliteDbContext>
{
    public IdentitySqliteDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<IdentitySqliteDbContext>();
        ModuleDbContextRegistration.Configure(b, DesignTime.Sqlite, IdentityDbContext.Module);
        return new IdentitySqliteDbContext(b.Options);
    }
}

internal sealed class IdentityPostgresDesignFactory : IDesignTimeDbContextFactory<IdentityPostgresDbContext>
{
    public IdentityPostgresDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<IdentityPostgresDbContext>();
        ModuleDbContextRegistration.Configure(b, DesignTime.PostgreSql, IdentityDbContext.Module);
        return new IdentityPostgresDbContext(b.Options);
    }
}
