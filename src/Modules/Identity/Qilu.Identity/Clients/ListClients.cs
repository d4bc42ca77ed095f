using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Identity.Clients;

/// <summary>GET /api/identity/clients: registered OIDC clients (never their secrets).</summary>
internal static class ListClients
{
    public sealed record Item(string ClientId, string? DisplayName, string? ClientType, string? ConsentType, string[] RedirectUris, string[] Permissions);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/clients", EndpointAsync)
        .RequirePermission(IdentityPermissions.ClientsRead)
        .WithName("ListClients").WithSummary("接入应用列表 / List clients").Produces<Item[]>();

    internal static async Task<IResult> EndpointAsync(IOpenIddictApplicationManager manager, CancellationToken ct) =>
        Results.Ok(await QueryAsync(manager, ct));

    /// <summary>The use case for the admin page (the endpoint's filter checks the same permission).</summary>
    internal static async Task<Result<List<Item>>> HandleAsync(Actor actor, IOpenIddictApplicationManager manager, CancellationToken ct) =>
        Outcomes.Lacks(actor, IdentityPermissions.ClientsRead) is { } denied ? Outcomes.Denied<List<Item>>(denied) : await QueryAsync(manager, ct);

    internal static async Task<List<Item>> QueryAsync(IOpenIddictApplicationManager manager, CancellationToken ct)
    {
        var result = new List<Item>();
        await foreach (var app in manager.ListAsync(200, 0, ct))
        {
            result.Add(new Item((await manager.GetClientIdAsync(app, ct))!, await manager.GetDisplayNameAsync(app, ct),
                await manager.GetClientTypeAsync(app, ct), await manager.GetConsentTypeAsync(app, ct),
                [.. await manager.GetRedirectUrisAsync(app, ct)], [.. await manager.GetPermissionsAsync(app, ct)]));
        }
        return [.. result.OrderBy(i => i.ClientId, StringComparer.Ordinal)];
    }
}
