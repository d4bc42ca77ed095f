using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Identity.Data;
using Qilu.Platform.Auth;

namespace Qilu.Identity.Roles;

/// <summary>
/// Role → permission expansion for every request, from a snapshot of the role tables. The snapshot is replaced
/// whenever a role's permissions change on this node (and re-read every minute so other nodes' edits arrive).
/// </summary>
internal sealed class RolePermissionCache(IServiceScopeFactory scopes, TimeProvider clock) : IRolePermissions
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private volatile Snapshot? _snapshot;
    private readonly Lock _gate = new();

    private sealed record Snapshot(Dictionary<string, string[]> ByRole, DateTimeOffset LoadedAt);

    public IReadOnlySet<string> PermissionsOf(IEnumerable<string> roles)
    {
        var snap = Current();
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in roles)
            if (snap.ByRole.TryGetValue(role, out var perms)) result.UnionWith(perms);
        return result;
    }

    public void Invalidate() => _snapshot = null;

    private Snapshot Current()
    {
        var snap = _snapshot;
        if (snap is not null && clock.GetUtcNow() - snap.LoadedAt < MaxAge) return snap;
        lock (_gate)
        {
            snap = _snapshot;
            if (snap is not null && clock.GetUtcNow() - snap.LoadedAt < MaxAge) return snap;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            var rows = db.RolePermissions.AsNoTracking().Select(p => new { p.RoleCode, p.Permission }).ToList();
            snap = new Snapshot(rows.GroupBy(r => r.RoleCode).ToDictionary(g => g.Key, g => g.Select(r => r.Permission).ToArray(), StringComparer.Ordinal),
                clock.GetUtcNow());
            _snapshot = snap;
            return snap;
        }
    }
}
