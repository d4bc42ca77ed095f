using OpenIddict.Abstractions;
using Qilu.Identity.Contracts;

namespace Qilu.Identity.Clients;

/// <summary>
/// <see cref="ISystemClientDirectory"/> over OpenIddict's applications: a department system is a client whose
/// properties name the unit it acts for (<see cref="ClientPermissions.ActFor"/>) and which may use client credentials.
/// Reads the applications in pages; a province registers hundreds of systems, not millions.
/// </summary>
internal sealed class SystemClientDirectory(IOpenIddictApplicationManager manager) : ISystemClientDirectory
{
    private const int Page = 200;

    public async Task<IReadOnlyList<SystemClientInfo>> ListForUnitAsync(Guid unitId, CancellationToken ct = default)
    {
        var unit = unitId.ToString();
        var found = new List<SystemClientInfo>();
        for (var offset = 0; ; offset += Page)
        {
            var seen = 0;
            await foreach (var app in manager.ListAsync(Page, offset, ct))
            {
                seen++;
                var properties = await manager.GetPropertiesAsync(app, ct);
                if (!properties.TryGetValue("unit", out var u) || u.ValueKind != System.Text.Json.JsonValueKind.String || u.GetString() != unit) continue;
                if (!await manager.HasPermissionAsync(app, OpenIddictConstants.Permissions.GrantTypes.ClientCredentials, ct)) continue;
                var id = await manager.GetClientIdAsync(app, ct);
                if (id is null) continue;
                found.Add(new SystemClientInfo(id, await manager.GetDisplayNameAsync(app, ct) ?? id, unitId));
            }
            if (seen < Page) break;
        }
        return [.. found.OrderBy(c => c.ClientId, StringComparer.Ordinal)];
    }
}
