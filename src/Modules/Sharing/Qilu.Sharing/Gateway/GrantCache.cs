using System.Collections.Concurrent;
using Qilu.Sharing.Grants;

namespace Qilu.Sharing.Gateway;

/// <summary>
/// The gateway's grants held in memory (ADR 0018, addendum 2), so that a call does not open the Sharing context and
/// read its grant from the database. Exact on one node: every change of a grant goes through
/// <see cref="Data.SharingDbContext"/>'s SaveChanges, which invalidates the grant here once the change is committed
/// (and again when an enclosing transaction ends), before the suspending or revoking request answers — so the next call
/// sees the change, as with a read per call. Expiry and the start of the period are still judged per call from the
/// grant's dates and the clock. A read that raced with a change is not kept (<see cref="Generation"/>). Several nodes
/// on one PostgreSQL database would not see each other's invalidations, so the cache is on by default only on SQLite
/// (one node owns the file); <c>Qilu:Sharing:GrantCache=true</c> turns it on where a single node serves the gateway.
/// </summary>
internal sealed class GrantCache(bool enabled)
{
    /// <summary>Most grants held; beyond it calls read from the database (no eviction policy to get wrong).</summary>
    public const int Capacity = 20_000;

    private readonly ConcurrentDictionary<Guid, Grant> _grants = new();
    private readonly Lock _gate = new();
    private long _generation;

    /// <summary>Whether the gateway uses the cache (invalidation runs either way).</summary>
    public bool Enabled { get; } = enabled;

    /// <summary>Bumped by every invalidation; a read started before a bump is not cached.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Grants currently held (for tests).</summary>
    public int Count => _grants.Count;

    /// <summary>The held copy of a grant. It is shared: callers must not change it.</summary>
    public bool TryGet(Guid id, out Grant grant)
    {
        if (Enabled && _grants.TryGetValue(id, out var g))
        {
            grant = g;
            return true;
        }
        grant = null!;
        return false;
    }

    /// <summary>
    /// Keeps <paramref name="grant"/>, read from the database after <paramref name="generationBeforeRead"/> was taken,
    /// unless a grant changed meanwhile (it may be the old state of that change).
    /// </summary>
    public void Offer(Grant grant, long generationBeforeRead)
    {
        if (!Enabled || _grants.Count >= Capacity) return;
        lock (_gate)
        {
            if (Interlocked.Read(ref _generation) == generationBeforeRead) _grants[grant.Id] = grant;
        }
    }

    /// <summary>Forgets these grants; reads in flight are not cached.</summary>
    public void Invalidate(IEnumerable<Guid> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_gate)
        {
            Interlocked.Increment(ref _generation);
            foreach (var id in ids) _grants.TryRemove(id, out _);
        }
    }
}
