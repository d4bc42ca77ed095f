using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Elements;
using Qilu.Platform.Cryptography.Fields;

namespace Qilu.Catalog.Resources;

/// <summary>
/// <see cref="IResourceRows"/> over the row store (ADR 0016): the one place where sealed personal fields are opened.
/// Does no authorisation (the gateway has checked the grant); asks the database only for rows in the requested scope;
/// unknown fields are the caller's error and throw <see cref="ArgumentException"/>.
/// </summary>
internal sealed class ResourceRows(CatalogDbContext db, CatalogReads reads, IFieldProtector protector, TimeProvider clock) : IResourceRows
{
    public async Task<MountedResourceInfo?> FindResourceAsync(Guid resourceId, CancellationToken ct = default)
    {
        await OpenAsync(ct);
        return (await RowQueries.ResourceOnce(reads, resourceId, ct))?.ToInfo();
    }

    public async Task<IReadOnlyList<MountedResourceInfo>> ListResourcesAsync(Guid entryId, CancellationToken ct = default) =>
        [.. (await db.Resources.AsNoTracking().Where(r => r.EntryId == entryId).OrderBy(r => r.CreatedAt).ToListAsync(ct)).Select(r => r.ToInfo())];

    public async Task<ResourceRow?> FindByKeyAsync(Guid resourceId, string key, IReadOnlyCollection<string> fields, string? divisionPrefix,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        await OpenAsync(ct);
        var resource = await TableAsync(resourceId, ct);
        if (resource is null || string.IsNullOrWhiteSpace(key)) return null;
        if (divisionPrefix is not null && resource.DivisionField is null) return null;
        var codec = new RowCodec(resource, protector);
        CheckFields(codec, fields);
        var canonical = await CanonicalAsync(codec, codec.KeyColumn, key, ct);
        if (canonical is null) return null;
        var store = new RowStore(db);
        await store.OpenAsync(ct);
        await using var c = store.Command($"SELECT \"DivisionCode\", \"Payload\", \"Secret\", \"UpdatedAt\" FROM {store.Rows} WHERE \"ResourceId\"=@r AND \"KeyToken\"=@k");
        RowStore.Add(c, "@r", store.Id(resourceId));
        RowStore.Add(c, "@k", codec.KeyToken(canonical));
        await using var r = await c.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        var division = r.IsDBNull(0) ? null : r.GetString(0);
        if (divisionPrefix is not null && (division is null || !division.StartsWith(divisionPrefix, StringComparison.Ordinal))) return null;
        var values = codec.Decode(r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), fields);
        return new ResourceRow(canonical, Project(values, fields), division, store.ReadTime(r, 3));
    }

    public async Task<RowPage> QueryAsync(Guid resourceId, RowQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > 32_000) throw new ArgumentOutOfRangeException(nameof(query), "Limit must be 1–32,000.");
        if (query.Offset < 0) throw new ArgumentOutOfRangeException(nameof(query), "Offset must not be negative.");
        var resource = await TableAsync(resourceId, ct);
        if (resource is null) return new RowPage([], query.IncludeTotal ? 0 : null);
        if (query.DivisionPrefix is not null && resource.DivisionField is null) return new RowPage([], query.IncludeTotal ? 0 : null);
        var codec = new RowCodec(resource, protector);
        CheckFields(codec, query.Fields);
        var store = new RowStore(db);
        await store.OpenAsync(ct);
        var where = new List<string> { "r.\"ResourceId\" = @r" };
        var parameters = new List<(string, object?)> { ("@r", store.Id(resourceId)) };
        var residual = new List<(string Field, string Value)>();
        if (query.DivisionPrefix is { } prefix)
        {
            if (prefix.Length == 0 || !prefix.All(char.IsAsciiDigit)) throw new ArgumentException("Division prefix must be digits.", nameof(query));
            // Range on the (resource, division) index: [prefix, prefix with its last digit + 1) compares bytewise.
            where.Add("r.\"DivisionCode\" >= @dlo AND r.\"DivisionCode\" < @dhi");
            parameters.Add(("@dlo", prefix));
            parameters.Add(("@dhi", prefix[..^1] + (char)(prefix[^1] + 1)));
        }
        var n = 0;
        foreach (var f in query.Filters)
        {
            var column = codec.IndexOf(f.Field);
            if (column < 0) throw new ArgumentException($"Unknown field '{f.Field}'.", nameof(query));
            var value = await CanonicalAsync(codec, column, f.Value, ct);
            if (value is null) return new RowPage([], query.IncludeTotal ? 0 : null);
            n++;
            if (column == codec.KeyColumn)
            {
                where.Add($"r.\"KeyToken\" = @f{n}");
                parameters.Add(($"@f{n}", codec.KeyToken(value)));
            }
            else if (codec.Columns[column].Indexed)
            {
                where.Add($"EXISTS (SELECT 1 FROM {store.Filters} f WHERE f.\"ResourceId\" = r.\"ResourceId\" AND f.\"Column\" = {column} AND f.\"Token\" = @f{n} AND f.\"KeyToken\" = r.\"KeyToken\")");
                parameters.Add(($"@f{n}", codec.FilterToken(column, value)));
            }
            else if (!codec.Columns[column].Encrypted)
            {
                where.Add(store.IsSqlite ? $"json_extract(r.\"Payload\", @p{n}) = @f{n}" : $"(r.\"Payload\"::jsonb ->> @p{n}) = @f{n}");
                parameters.Add(($"@p{n}", store.IsSqlite ? "$.\"" + f.Field.Replace("\"", "", StringComparison.Ordinal) + "\"" : f.Field));
                parameters.Add(($"@f{n}", value));
            }
            else residual.Add((f.Field, value));
        }
        // Terms kept apart (not split back out of SQL text: json_extract(a, b) has a comma of its own).
        List<string> orderTerms = ["r.\"KeyToken\""];
        var sortColumn = codec.IndexOf(query.SortField);
        if (query.SortField is not null && sortColumn < 0) throw new ArgumentException($"Unknown sort field '{query.SortField}'.", nameof(query));
        var sortInMemory = sortColumn >= 0 && codec.Columns[sortColumn].Encrypted && sortColumn != codec.KeyColumn;
        if (sortColumn >= 0 && !sortInMemory && sortColumn != codec.KeyColumn)
        {
            orderTerms = [store.IsSqlite ? "json_extract(r.\"Payload\", @sort)" : "(r.\"Payload\"::jsonb ->> @sort)", "r.\"KeyToken\""];
            parameters.Add(("@sort", store.IsSqlite ? "$.\"" + query.SortField!.Replace("\"", "", StringComparison.Ordinal) + "\"" : query.SortField));
        }
        var order = string.Join(", ", query.SortDescending ? orderTerms.Select(o => o + " DESC") : orderTerms);
        var whereSql = string.Join(" AND ", where);
        var wanted = query.Fields.Concat(residual.Select(r => r.Field)).Append(query.SortField ?? "").Append(resource.KeyField!).ToHashSet(StringComparer.Ordinal);

        if (residual.Count == 0 && !sortInMemory)
        {
            long? total = null;
            if (query.IncludeTotal)
            {
                await using var cc = Cmd(store, $"SELECT COUNT(*) FROM {store.Rows} r WHERE {whereSql}", parameters);
                total = Convert.ToInt64(await cc.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            }
            await using var c = Cmd(store, $"SELECT r.\"DivisionCode\", r.\"Payload\", r.\"Secret\", r.\"UpdatedAt\", r.\"KeyToken\" FROM {store.Rows} r WHERE {whereSql} ORDER BY {order} LIMIT @lim OFFSET @off",
                [.. parameters, ("@lim", query.Limit), ("@off", query.Offset)]);
            var rows = await ReadRowsAsync(c, store, codec, wanted, query.Fields, ct);
            return new RowPage(rows, total);
        }
        // Filters or sorting on encrypted columns without a blind index (free text): narrowed in SQL as far as the other
        // conditions go, then opened and matched here.
        await using var all = Cmd(store, $"SELECT r.\"DivisionCode\", r.\"Payload\", r.\"Secret\", r.\"UpdatedAt\", r.\"KeyToken\" FROM {store.Rows} r WHERE {whereSql} ORDER BY r.\"KeyToken\"", parameters);
        var candidates = await ReadRowsAsync(all, store, codec, wanted, null, ct);
        IEnumerable<ResourceRow> matching = candidates.Where(row => residual.All(f => row.Values.TryGetValue(f.Field, out var v) && v == f.Value));
        if (sortInMemory)
        {
            matching = query.SortDescending
                ? matching.OrderByDescending(r => r.Values.GetValueOrDefault(query.SortField!), StringComparer.Ordinal)
                : matching.OrderBy(r => r.Values.GetValueOrDefault(query.SortField!), StringComparer.Ordinal);
        }
        var list = matching.ToList();
        var page = list.Skip((int)Math.Min(query.Offset, int.MaxValue)).Take(query.Limit)
            .Select(r => r with { Values = Project(r.Values, query.Fields) }).ToList();
        return new RowPage(page, query.IncludeTotal ? list.Count : null);
    }

    public async Task<IReadOnlyList<RowChange>> ChangesSinceAsync(Guid resourceId, long afterSequence, int limit, IReadOnlyCollection<string> fields,
        string? divisionPrefix, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (limit is < 1 or > 32_000) throw new ArgumentOutOfRangeException(nameof(limit), "Limit must be 1–32,000.");
        var resource = await TableAsync(resourceId, ct);
        if (resource is null || (divisionPrefix is not null && resource.DivisionField is null)) return [];
        var codec = new RowCodec(resource, protector);
        CheckFields(codec, fields);
        var store = new RowStore(db);
        await store.OpenAsync(ct);
        var scope = "";
        var parameters = new List<(string, object?)> { ("@r", store.Id(resourceId)), ("@after", afterSequence), ("@lim", limit) };
        if (divisionPrefix is not null)
        {
            if (divisionPrefix.Length == 0 || !divisionPrefix.All(char.IsAsciiDigit)) throw new ArgumentException("Division prefix must be digits.", nameof(divisionPrefix));
            scope = " AND c.\"DivisionCode\" >= @dlo AND c.\"DivisionCode\" < @dhi";
            parameters.Add(("@dlo", divisionPrefix));
            parameters.Add(("@dhi", divisionPrefix[..^1] + (char)(divisionPrefix[^1] + 1)));
        }
        await using var c = Cmd(store,
            $"SELECT c.\"Sequence\", c.\"KeyToken\", c.\"Deleted\", c.\"At\", c.\"Sealed\", r.\"DivisionCode\", r.\"Payload\", r.\"Secret\", r.\"UpdatedAt\" " +
            $"FROM {store.Changes} c LEFT JOIN {store.Rows} r ON r.\"ResourceId\" = c.\"ResourceId\" AND r.\"KeyToken\" = c.\"KeyToken\" " +
            $"WHERE c.\"ResourceId\" = @r AND c.\"Sequence\" > @after{scope} ORDER BY c.\"Sequence\" LIMIT @lim", parameters);
        var wanted = fields.Append(resource.KeyField!).ToHashSet(StringComparer.Ordinal);
        var changes = new List<(long Seq, string Token, bool Deleted, DateTimeOffset At, string? Sealed, ResourceRow? Row)>();
        await using (var r = await c.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                ResourceRow? row = null;
                if (!r.IsDBNull(6))
                {
                    var values = codec.Decode(r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), wanted);
                    row = new ResourceRow(values.GetValueOrDefault(resource.KeyField!) ?? r.GetString(1), Project(values, fields),
                        r.IsDBNull(5) ? null : r.GetString(5), store.ReadTime(r, 8));
                }
                changes.Add((r.GetInt64(0), r.GetString(1), r.GetBoolean(2), store.ReadTime(r, 3), r.IsDBNull(4) ? null : r.GetString(4), row));
            }
        }
        var result = new List<RowChange>(changes.Count);
        foreach (var ch in changes)
        {
            // A change superseded by a later deletion has no row left: its key comes from the tombstone.
            var key = ch.Row?.Key ?? await KeyOfGoneRowAsync(store, codec, resourceId, ch.Token, ch.Sealed, ct);
            result.Add(new RowChange(ch.Seq, key, ch.Deleted, ch.At, ch.Deleted ? null : ch.Row));
        }
        return result;
    }

    public async Task<ApiResourceInfo?> FindApiAsync(Guid resourceId, CancellationToken ct = default)
    {
        var r = await db.Resources.AsNoTracking().FirstOrDefaultAsync(x => x.Id == resourceId && x.Kind == ResourceKind.Api, ct);
        return r?.BaseUrl is null ? null : new ApiResourceInfo(r.Id, r.EntryId, new Uri(r.BaseUrl), r.Operations);
    }

    public async Task<MountedFile?> ReadFileAsync(Guid resourceId, CancellationToken ct = default)
    {
        var r = await db.Resources.AsNoTracking().FirstOrDefaultAsync(x => x.Id == resourceId && x.Kind == ResourceKind.File, ct);
        if (r is null) return null;
        var file = await db.ResourceFiles.AsNoTracking().FirstOrDefaultAsync(f => f.ResourceId == resourceId, ct);
        return file is null ? null : new MountedFile(r.Id, r.EntryId, r.FileName ?? "file", r.ContentType ?? "application/octet-stream", r.FileHash ?? "", file.Bytes);
    }

    private static async Task<string> KeyOfGoneRowAsync(RowStore store, RowCodec codec, Guid resourceId, string token, string? sealedRow, CancellationToken ct)
    {
        if (!codec.KeyEncrypted) return token;
        if (sealedRow is null)
        {
            await using var c = Cmd(store, $"SELECT \"Sealed\" FROM {store.Changes} WHERE \"ResourceId\" = @r AND \"KeyToken\" = @k AND \"Sealed\" IS NOT NULL ORDER BY \"Sequence\" DESC LIMIT 1",
                [("@r", store.Id(resourceId)), ("@k", token)]);
            sealedRow = await c.ExecuteScalarAsync(ct) as string;
        }
        return sealedRow is null ? "" : codec.Decode("{}", sealedRow, [codec.Columns[codec.KeyColumn].Field]).GetValueOrDefault(codec.Columns[codec.KeyColumn].Field) ?? "";
    }

    /// <summary>
    /// Opens the scope's connection and leaves it open (as the row reads always did; the context closes it when the
    /// request scope ends): the resource, its data element and the row are then read on one connection, where EF Core
    /// would open and close a pooled connection around each query — and the SQLite pool's lock was the hottest
    /// contended lock of the sharing gateway (ADR 0018 addendum). SQLite only: a PostgreSQL connection held open for the
    /// rest of a gateway call (its metering and audit commits) is a server connection taken from a bounded pool, and
    /// 100 callers racing at a quota limit then waited out the pool's timeout (503).
    /// </summary>
    private async Task OpenAsync(CancellationToken ct)
    {
        if (db.IsSqlite && db.Database.GetDbConnection().State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
    }

    private async Task<MountedResource?> TableAsync(Guid id, CancellationToken ct) =>
        await RowQueries.ResourceOnce(reads, id, ct) is { Kind: ResourceKind.Table } r ? r : null;

    private static void CheckFields(RowCodec codec, IReadOnlyCollection<string> fields)
    {
        var unknown = fields.Where(f => codec.IndexOf(f) < 0).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Unknown fields: {string.Join(", ", unknown)}.", nameof(fields));
    }

    /// <summary>The value as stored (the element's canonical form), or null when it cannot be a stored value.</summary>
    private async Task<string?> CanonicalAsync(RowCodec codec, int column, string value, CancellationToken ct)
    {
        var identifier = codec.Columns[column].ElementIdentifier;
        var element = await RowQueries.ElementOnce(reads, identifier, ct);
        if (element is null) return value.Trim();
        var checkedValue = new ElementValueValidator(null, clock).Validate(element.ToInfo(), value);
        return checkedValue.IsSuccess ? checkedValue.Value : null;
    }

    private static Dictionary<string, string?> Project(IReadOnlyDictionary<string, string?> values, IReadOnlyCollection<string> fields)
    {
        var d = new Dictionary<string, string?>(fields.Count, StringComparer.Ordinal);
        foreach (var f in fields) d[f] = values.GetValueOrDefault(f);
        return d;
    }

    private static DbCommand Cmd(RowStore store, string sql, IEnumerable<(string Name, object? Value)> parameters)
    {
        var c = store.Command(sql);
        foreach (var (name, value) in parameters) RowStore.Add(c, name, value);
        return c;
    }

    private static async Task<List<ResourceRow>> ReadRowsAsync(DbCommand c, RowStore store, RowCodec codec, HashSet<string> wanted,
        IReadOnlyCollection<string>? project, CancellationToken ct)
    {
        var keyField = codec.Columns[codec.KeyColumn].Field;
        var rows = new List<ResourceRow>();
        await using var r = await c.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var values = codec.Decode(r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), wanted);
            var key = values.GetValueOrDefault(keyField) ?? r.GetString(4);
            rows.Add(new ResourceRow(key, project is null ? values : Project(values, project), r.IsDBNull(0) ? null : r.GetString(0), store.ReadTime(r, 3)));
        }
        return rows;
    }
}
