using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Elements;
using Qilu.Catalog.Resources;

namespace Qilu.Catalog.Data;

/// <summary>
/// Resources and data elements read by the row store and the value validator in one request scope, by id and by
/// identifier, absent ones included (<see cref="RowQueries.ResourceOnce"/>). A sharing-gateway call checks its key against
/// the key's element and then reads the row, and each step used to read the resource and the element again (ADR 0018
/// addendum 3). Forgotten whenever the scope's context saves changes, so a use case that changes a resource or an
/// element and then reads through the row store sees its change. Kept here, not on the context: the context is pooled
/// (ADR 0018 addendum 8), and a pooled context outlives the request.
/// </summary>
internal sealed class CatalogReads : IDisposable
{
    public CatalogReads(CatalogDbContext db)
    {
        Db = db;
        db.SavingChanges += Forget;
    }

    /// <summary>The scope's context (the reads are made through it).</summary>
    public CatalogDbContext Db { get; }

    public Dictionary<Guid, MountedResource?> Resources { get; } = [];

    public Dictionary<string, DataElement?> Elements { get; } = new(StringComparer.Ordinal);

    private void Forget(object? sender, SavingChangesEventArgs e)
    {
        Resources.Clear();
        Elements.Clear();
    }

    /// <summary>Lets go of the pooled context, which the next request leases with no handler of this scope on it.</summary>
    public void Dispose() => Db.SavingChanges -= Forget;
}
