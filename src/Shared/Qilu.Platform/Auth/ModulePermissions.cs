using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Qilu.Platform.Auth;

/// <summary>
/// A permission a module declares: its name (a use case, <c>trust.seals.approve</c>), labels for the role editor, and
/// the built-in roles that receive it when the permission first appears in a deployment. After that first grant the
/// security administrator owns the role's permissions: a removed permission is never re-added on restart.
/// </summary>
/// <param name="Name">Permission name, <c>&lt;module&gt;.&lt;area&gt;.&lt;action&gt;</c>.</param>
/// <param name="TitleZh">Label in Chinese.</param>
/// <param name="TitleEn">Label in English.</param>
/// <param name="DefaultRoles">Codes of built-in roles (<see cref="WellKnownRoles"/>) granted the permission first.</param>
public sealed record PermissionDefinition(string Name, string TitleZh, string TitleEn, params string[] DefaultRoles);

/// <summary>The codes of the roles every deployment starts with (kept by the Identity module).</summary>
public static class WellKnownRoles
{
    /// <summary>系统管理员.</summary>
    public const string SystemAdministrator = "sys_admin";
    /// <summary>安全管理员.</summary>
    public const string SecurityAdministrator = "sec_admin";
    /// <summary>审计管理员.</summary>
    public const string AuditAdministrator = "audit_admin";
    /// <summary>工作人员: every official.</summary>
    public const string Official = "official";
    /// <summary>首席数据官.</summary>
    public const string ChiefDataOfficer = "chief_data_officer";
    /// <summary>数据专员.</summary>
    public const string DataOfficer = "data_officer";
    /// <summary>自然人.</summary>
    public const string Citizen = "citizen";
    /// <summary>企业经办人.</summary>
    public const string EnterpriseAgent = "enterprise_agent";
    /// <summary>12345话务员: takes calls and records tickets (受理).</summary>
    public const string HotlineAgent = "hotline_agent";
    /// <summary>12345派单员: dispatches, reviews replies, approves extensions (派单、审核).</summary>
    public const string HotlineDispatcher = "hotline_dispatcher";
}

/// <summary>Every permission declared by the modules switched on in this process.</summary>
public interface IPermissionRegistry
{
    /// <summary>Declared permissions in name order.</summary>
    IReadOnlyList<PermissionDefinition> All { get; }
}

/// <summary>Registration of module permissions.</summary>
public static class ModulePermissions
{
    /// <summary>Declares permissions of a module; call from <c>IQiluModule.AddServices</c>.</summary>
    public static IServiceCollection AddModulePermissions(this IServiceCollection services, params PermissionDefinition[] permissions)
    {
        services.AddSingleton(new Declaration(permissions));
        return AddRegistry(services);
    }

    internal static IServiceCollection AddRegistry(IServiceCollection services)
    {
        services.TryAddSingleton<IPermissionRegistry, Registry>();
        return services;
    }

    internal sealed record Declaration(PermissionDefinition[] Permissions);

    private sealed class Registry(IEnumerable<Declaration> declarations) : IPermissionRegistry
    {
        public IReadOnlyList<PermissionDefinition> All { get; } = [.. declarations
            .SelectMany(d => d.Permissions)
            .DistinctBy(p => p.Name, StringComparer.Ordinal)
            .OrderBy(p => p.Name, StringComparer.Ordinal)];
    }
}
