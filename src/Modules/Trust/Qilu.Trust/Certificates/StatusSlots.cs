using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Qilu.Trust.Data;

namespace Qilu.Trust.Certificates;

/// <summary>
/// Hands out random free indexes of the current status list (random assignment: an index reveals nothing about issue
/// order or issuer volume). Opens a new list when the current one reaches <see cref="StatusList.Capacity"/>. The unique
/// (list, index) constraint on certificates is the final guard against two nodes picking the same slot.
/// </summary>
internal sealed class StatusSlots(TrustDbContext db, TimeProvider clock)
{
    private readonly HashSet<(int, int)> _pending = [];
    private readonly Dictionary<int, int> _counts = [];
    private StatusList? _list;
    private HashSet<int>? _taken;

    /// <summary>Load the taken indexes of the list once (batches) rather than query each pick (single issuance).</summary>
    public bool Preload { get; init; }

    public async Task<(int ListId, int Index)> NextAsync(CancellationToken ct)
    {
        _list ??= await db.StatusLists.AsNoTracking().OrderByDescending(l => l.Id).FirstOrDefaultAsync(ct);
        if (_list is null || _list.Used + _counts.GetValueOrDefault(_list.Id) >= StatusList.Capacity)
        {
            var next = new StatusList { Id = (_list?.Id ?? 0) + 1, CreatedAt = clock.GetUtcNow() };
            db.StatusLists.Add(next);
            _list = next;
            _taken = [];
        }
        if (Preload && _taken is null)
        {
            var id = _list.Id;
            _taken = [.. await db.Certificates.AsNoTracking().Where(c => c.StatusListId == id).Select(c => c.StatusIndex).ToListAsync(ct)];
        }
        while (true)
        {
            var index = RandomNumberGenerator.GetInt32(StatusList.Size);
            var listId = _list.Id;
            if (_pending.Contains((listId, index))) continue;
            if (_taken is not null ? _taken.Contains(index)
                : await db.Certificates.AnyAsync(c => c.StatusListId == listId && c.StatusIndex == index, ct)) continue;
            _pending.Add((listId, index));
            _counts[listId] = _counts.GetValueOrDefault(listId) + 1;
            return (listId, index);
        }
    }

    /// <summary>Adds the handed-out counts to the lists (atomic increments, inside the caller's transaction).</summary>
    public async Task CommitCountsAsync(CancellationToken ct)
    {
        foreach (var (listId, count) in _counts)
            await db.StatusLists.Where(l => l.Id == listId).ExecuteUpdateAsync(s => s.SetProperty(l => l.Used, l => l.Used + count), ct);
        _counts.Clear();
    }
}
