using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Qilu.Platform.Modules;

/// <summary>
/// A module's front door. The host discovers nothing by reflection: it lists modules explicitly in
/// <c>Program.cs</c>, and each can be switched off with <c>Qilu:Modules:&lt;Name&gt;:Enabled=false</c>.
/// </summary>
public interface IQiluModule
{
    /// <summary>Short name, also the configuration key and the PostgreSQL schema / SQLite table prefix.</summary>
    string Name { get; }

    /// <summary>Registers the module's services.</summary>
    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Maps the module's HTTP endpoints.</summary>
    void MapEndpoints(IEndpointRouteBuilder routes);
}

/// <summary>Which face of the web shell a menu entry belongs to.</summary>
public enum ShellFace
{
    /// <summary>Citizens and enterprises (门户).</summary>
    Portal,
    /// <summary>Officials (工作台).</summary>
    Workbench,
    /// <summary>Administrators (管理后台).</summary>
    Admin,
}

/// <summary>
/// A navigation entry a module contributes to the shell. Shown only when the actor holds
/// <see cref="Permission"/> or one of <see cref="OrPermissions"/> (null: any signed-in actor of that face).
/// </summary>
public sealed record MenuEntry(ShellFace Face, string Href, string TitleZh, string TitleEn, string Icon,
    string? Permission = null, int Order = 100, string? GroupZh = null, string? GroupEn = null)
{
    /// <summary>Permissions that show the entry as well as <see cref="Permission"/> (a page that serves several roles).</summary>
    public IReadOnlyList<string> OrPermissions { get; init; } = [];
}
