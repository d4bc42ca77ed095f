using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Qilu.Sharing.Data;
using Qilu.Sharing.Grants;

namespace Qilu.Sharing.Gateway;

/// <summary>
/// The gateway's per-call read as a compiled query: every call reads its grant fresh (a revocation or suspension takes
/// effect on the next call, on every node), and a compiled query skips building and hashing the expression tree each
/// time. One set per model, as in the Workflow engine: SQLite and PostgreSQL contexts have different models.
/// </summary>
internal sealed class GatewayQueries
{
    private static readonly ConcurrentDictionary<IModel, GatewayQueries> ByModel = new();

    public static GatewayQueries For(SharingDbContext db) => ByModel.GetOrAdd(db.Model, static _ => new GatewayQueries());

    /// <summary>A grant by id, untracked.</summary>
    public Func<SharingDbContext, Guid, CancellationToken, Task<Grant?>> Grant { get; } =
        EF.CompileAsyncQuery((SharingDbContext db, Guid id, CancellationToken ct) => db.Grants.AsNoTracking().FirstOrDefault(g => g.Id == id));
}
