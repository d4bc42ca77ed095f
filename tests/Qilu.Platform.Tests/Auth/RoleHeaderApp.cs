using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qilu.Platform.Auth;

namespace Qilu.Platform.Tests.Auth;

/// <summary>
/// A real Kestrel server on loopback with the platform's authorization, where the header <c>X-Test-Role</c> signs the
/// caller in as an official holding that role (the roles' permissions come from the test's <see cref="IRolePermissions"/>).
/// </summary>
internal static class RoleHeaderApp
{
    public const string Header = "X-Test-Role";

    public static WebApplication Build(IRolePermissions roles, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(roles);
        builder.Services.AddSingleton<ActorAccessor>();
        builder.Services.AddQiluAuthorization();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.Use((ctx, next) =>
        {
            if (ctx.Request.Headers.TryGetValue(Header, out var role))
            {
                ctx.User = new ClaimsPrincipal(new ClaimsIdentity(
                    [new Claim(QiluClaims.Subject, "official-1"), new Claim(QiluClaims.ActorKind, "official"),
                     new Claim(QiluClaims.Name, "王测试"), new Claim(QiluClaims.Role, role.ToString())], "test"));
            }
            return next(ctx);
        });
        app.UseAuthorization();
        return app;
    }

    /// <summary>Starts <paramref name="app"/> and returns a client for its address.</summary>
    public static async Task<HttpClient> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpClient { BaseAddress = new Uri(address) };
    }
}
