using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Qilu.Web.Localization;
using Qilu.Web.Navigation;

namespace Qilu.Web;

/// <summary>Service registration of the web shell.</summary>
public static class ShellServices
{
    /// <summary>
    /// Registers the shell's services: localisation (<see cref="ShellLocalization.AddQiluLocalization"/>) and the
    /// menu filter. The host still calls <c>AddRazorComponents().AddInteractiveServerComponents()</c>,
    /// <c>AddAntDesign()</c> and <c>AddCascadingAuthenticationState()</c>.
    /// </summary>
    public static IServiceCollection AddQiluShell(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddQiluLocalization();
        services.TryAddScoped<ShellMenu>();
        return services;
    }
}
