using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Qilu.Platform.Persistence;

/// <summary>
/// Optimistic concurrency for module entities: a <c>uint</c> version property configured as a concurrency token is
/// incremented on every modified entity before saving, so two edits of the same version conflict (409) instead of the
/// later one silently overwriting the first. Call from the context's <c>SaveChangesAsync</c> override.
/// </summary>
public static class ConcurrencyVersions
{
    /// <summary>Bumps the first of <paramref name="names"/> (default <c>Version</c>) that a modified entity has as a <c>uint</c>.</summary>
    public static void Bump(ChangeTracker tracker, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        if (names.Length == 0) names = ["Version"];
        foreach (var entry in tracker.Entries())
        {
            if (entry.State != EntityState.Modified) continue;
            var name = names.FirstOrDefault(n => entry.Metadata.FindProperty(n)?.ClrType == typeof(uint));
            if (name is null) continue;
            entry.Property(name).CurrentValue = (uint)entry.Property(name).CurrentValue! + 1;
        }
    }
}
