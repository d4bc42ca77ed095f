using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Qilu.Catalog.Data;
using Qilu.Catalog.Elements;

namespace Qilu.Catalog.Resources;

/// <summary>
/// The per-lookup reads of <see cref="ResourceRows"/> and <see cref="ElementValueValidator"/> as compiled, untracked
/// queries: a query by key (the sharing gateway's hot path) reads the mounted resource and the key's data element fresh
/// in every request (an unmount or a disabled element takes effect on the next lookup; within one request they are read
/// once, <see cref="ResourceOnce"/>), and a compiled query skips building and looking up the LINQ expression tree each
/// time. One set per model: SQLite and PostgreSQL contexts differ.
/// </summary>
internal sealed class RowQueries
{
    private static readonly ConcurrentDictionary<IModel, RowQueries> ByModel = new();

    public static RowQueries For(CatalogDbContext db) => ByModel.GetOrAdd(db.Model, static _ => new RowQueries());

    /// <summary>A mounted resource by id, any kind.</summary>
    public Func<CatalogDbContext, Guid, CancellationToken, Task<MountedResource?>> Resource { get; } =
        EF.CompileAsyncQuery((CatalogDbContext db, Guid id, CancellationToken ct) => db.Resources.AsNoTracking().FirstOrDefault(r => r.Id == id));

    /// <summary>A data element by identifier, whatever its status.</summary>
    public Func<CatalogDbContext, string, CancellationToken, Task<DataElement?>> Element { get; } =
        EF.CompileAsyncQuery((CatalogDbContext db, string identifier, CancellationToken ct) => db.Elements.AsNoTracking().FirstOrDefault(e => e.Identifier == identifier));

    /// <summary>A mounted resource by id, read once per request scope (<see cref="CatalogReads"/>).</summary>
    public static async Task<MountedResource?> ResourceOnce(CatalogReads reads, Guid id, CancellationToken ct)
    {
        if (reads.Resources.TryGetValue(id, out var known)) return known;
        var read = await For(reads.Db).Resource(reads.Db, id, ct);
        reads.Resources[id] = read;
        return read;
    }

    /// <summary>A data element by identifier, whatever its status, read once per request scope (<see cref="CatalogReads"/>).</summary>
    public static async Task<DataElement?> ElementOnce(CatalogReads reads, string identifier, CancellationToken ct)
    {
        if (reads.Elements.TryGetValue(identifier, out var known)) return known;
        var read = await For(reads.Db).Element(reads.Db, identifier, ct);
        reads.Elements[identifier] = read;
        return read;
    }
}
