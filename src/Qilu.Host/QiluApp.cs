using Qilu.Host.Operations;
using Qilu.Platform.Modules;
using Qilu.Web;
using Qilu.Web.Components;

namespace Qilu.Host;

/// <summary>Composition root: builds the web application from the enabled modules.</summary>
internal static class QiluApp
{
    public static IQiluModule[] AllModules() => [new Qilu.Identity.IdentityModule()];

    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddQiluOperations();
        var modules = AllModules()
            .Where(m => builder.Configuration.GetValue($"Qilu:Modules:{m.Name}:Enabled", true))
            .ToArray();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddAntDesign();
        foreach (var m in modules) m.AddServices(builder.Services, builder.Configuration);

        var app = builder.Build();
        app.UseQiluOperations();
        ShellAssemblies.Additional = modules.Select(m => m.GetType().Assembly).Distinct().ToArray();
        app.UseAntiforgery();
        app.MapStaticAssets();
        foreach (var m in modules) m.MapEndpoints(app);
        app.MapQiluOperations();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode()
            .AddAdditionalAssemblies(ShellAssemblies.Additional);
        return app;
    }

    public static int Run(string[] args)
    {
        var app = Create(args);
        app.Run();
        return 0;
    }
}
