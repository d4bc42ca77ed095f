using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Web;
using Qilu.Web.Navigation;

namespace Qilu.BrowserTests;

/// <summary>
/// Applies the shell's documented host wiring (AddQiluShell, AddCascadingAuthenticationState, UseQiluShell,
/// ShellEndpoints.Map) when the host under test has not made those calls yet, so the suite runs on the web branch
/// before the lead merges the wiring. Once the host calls AddQiluShell itself this does nothing.
/// </summary>
internal static class ShellWiringShim
{
    public static void Apply(IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(AuthenticationStateProvider) || d.ServiceType.Name == "ICascadingValueSupplier"))
            services.AddCascadingAuthenticationState();
        if (services.Any(d => d.ServiceType == typeof(ShellMenu))) return;
        services.AddQiluShell();
        services.AddSingleton<IStartupFilter, Filter>();
    }

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseQiluShell();
            app.Map("/culture/set", branch => branch.Run(ctx =>
                ShellEndpoints.SetCulture(ctx, ctx.Request.Query["culture"], ctx.Request.Query["redirectUri"]).ExecuteAsync(ctx)));
            next(app);
        };
    }
}
