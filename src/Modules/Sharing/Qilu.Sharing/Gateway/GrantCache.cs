using System.Collections.Concurrent;
using Qilu.Sharing.Grants;

namespace Qilu.Sharing.Gateway;

/// <summary>
/// The gateway's grants held in memory (ADR 0018, addendum 2), so that a call does not open the Sharing context and
/// read its grant from the database. Every change of a grant goes through <see cref="Data.SharingDbContext"/>'s
/// SaveChanges, which invalidates the grant here once the change is committed (and again when an enclosing transaction
/// ends), before the suspending or revoking request answers — so the next call sees the change, as with a read per
/// call. Expiry and the start of the period are still judged per call from the grant's dates and the clock. A read that
/// raced with a change is not kept (<see cref="Generation"/>).
/// Several nodes on one PostgreSQL database (addendum 5): each change also sends a notification in its own transaction
/// (<c>pg_notify</c>, delivered at commit), which <see cref="GrantCacheListener"/> turns into an invalidation on every
/// other node. The cache serves only while that listener is connected (<see cref="Suspend"/>, <see cref="Resume"/>): a
/// node that could miss a notification reads every grant from the database instead.
/// A held grant is used for at most <see cref="MaxAge"/> (addendum 6): a change that bypasses the application's
/// SaveChanges — SQL typed by hand in an emergency, a restored backup — is seen by every node within that time.
/// </summary>
internal sealed class GrantCache(bool enabled, bool suspended = false, TimeSpan? maxAge = null, TimeProvider? time = null)
{
    /// <summary>Most grants held; beyond it calls read from the database (no eviction policy to get wrong).</summary>
    public const int Capacity = 20_000;

    /// <summary>How long a held grant is used before it is read again, unless configured (<c>Qilu:Sharing:GrantCacheMaxAgeSeconds</c>).</summary>
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<Guid, Held> _grants = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private long _generation;
    private volatile bool _suspended = suspended;

    /// <summary>A grant as read, and when it was offered (a monotonic timestamp of the cache's clock).</summary>
    private sealed record Held(Grant Grant, long Since);

    /// <summary>Longest time a held grant is used before the gateway reads it again.</summary>
    public TimeSpan MaxAge { get; } = maxAge ?? DefaultMaxAge;

    /// <summary>Whether the gateway uses the cache (invalidation runs either way).</summary>
    public bool Enabled { get; } = enabled;

    /// <summary>This node's name in change notifications: a node has invalidated its own changes already and skips them.</summary>
    public Guid Node { get; } = Guid.NewGuid();

    /// <summary>Whether the cache serves now: enabled, and (PostgreSQL) its change listener connected.</summary>
    public bool Serving => Enabled && !_suspended;

    /// <summary>Bumped by every invalidation; a read started before a bump is not cached.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Grants currently held (for tests).</summary>
    public int Count => _grants.Count;

    /// <summary>The held copy of a grant. It is shared: callers must not change it.</summary>
    public bool TryGet(Guid id, out Grant grant)
    {
        if (Serving && _grants.TryGetValue(id, out var held) && _time.GetElapsedTime(held.Since) < MaxAge)
        {
            grant = held.Grant;
            return true;
        }
        grant = null!;
        return false;
    }

    /// <summary>
    /// Stops serving and forgets every grant (the change listener lost its connection: a notification may be missed);
    /// reads in flight are not kept. Calls read their grant from the database until <see cref="Resume"/>.
    /// </summary>
    public void Suspend()
    {
        lock (_gate)
        {
            _suspended = true;
            Interlocked.Increment(ref _generation);
            _grants.Clear();
        }
    }

    /// <summary>Serves again from empty (the listener is connected; whatever changed while it was not is read anew).</summary>
    public void Resume()
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _generation);
            _grants.Clear();
            _suspended = false;
        }
    }

    /// <summary>
    /// Keeps <paramref name="grant"/>, read from the database after <paramref name="generationBeforeRead"/> was taken,
    /// unless a grant changed meanwhile (it may be the old state of that change).
    /// </summary>
    public void Offer(Grant grant, long generationBeforeRead)
    {
        if (!Serving || _grants.Count >= Capacity) return;
        lock (_gate)
        {
            if (!_suspended && Interlocked.Read(ref _generation) == generationBeforeRead) _grants[grant.Id] = new Held(grant, _time.GetTimestamp());
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

    /// <summary>Forgets every grant (a notification named more grants than it could carry, or could not be read).</summary>
    public void InvalidateAll()
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _generation);
            _grants.Clear();
        }
    }
}
