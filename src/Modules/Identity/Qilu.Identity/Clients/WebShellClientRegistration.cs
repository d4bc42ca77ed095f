using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Qilu.Identity.SignOn;
using Qilu.Platform.Hosting;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qilu.Identity.Clients;

/// <summary>
/// Keeps the web shell's own client registration in step with where this node listens: once the server has started,
/// the shell's exact redirect URIs (public URL or listening addresses) and its secret are (re)registered. First-party
/// client, so consent is implicit.
/// </summary>
internal sealed class WebShellClientRegistration(IServiceProvider services, IHostApplicationLifetime lifetime,
    IOptions<QiluOptions> qilu, WebClientSecret secret) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => EnsureAsync(CancellationToken.None).GetAwaiter().GetResult());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task EnsureAsync(CancellationToken ct)
    {
        var authority = WebShellSignOn.Resolve(services, qilu.Value);
        using var scope = services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = IdentitySchemes.WebShellClientId,
            ClientSecret = secret.Value,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "齐鲁工作台（平台自身）",
            RedirectUris = { new Uri(authority + "/signin-oidc") },
            PostLogoutRedirectUris = { new Uri(authority + "/signout-callback-oidc") },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        ClientPermissions.AddInteractive(descriptor.Permissions, [Scopes.Profile, Scopes.Roles, OidcScopes.Unit]);
        var existing = await manager.FindByClientIdAsync(IdentitySchemes.WebShellClientId, ct);
        if (existing is null) await manager.CreateAsync(descriptor, ct);
        else await manager.UpdateAsync(existing, descriptor, ct);
    }
}
