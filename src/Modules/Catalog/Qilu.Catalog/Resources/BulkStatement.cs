using System.Data.Common;
using System.Text;

namespace Qilu.Catalog.Resources;

/// <summary>
/// A multi-row statement (<c>INSERT … VALUES (…),(…),… [tail]</c>) prepared once and re-used with its parameters: rows
/// are buffered and sent <see cref="ChunkRows"/> at a time, the rest through a prepared one-row form of the same
/// statement. Parameters shared by every row (resource id, time) are bound once. SQLite parses and plans a statement
/// per execution unless it is prepared; one statement per 64 rows instead of per row is what takes the row store's write
/// cost down (ADR 0016, addendum). Not thread-safe: the import's single writer owns it.
/// </summary>
internal sealed class BulkStatement : IAsyncDisposable
{
    /// <summary>Rows per multi-row execution; 64 × 6 parameters stays far below SQLite's 32,766-variable limit.</summary>
    public const int ChunkRows = 64;

    private readonly RowStore _store;
    private readonly string _head;
    private readonly string _row;
    private readonly string _tail;
    private readonly int _width;
    private readonly (string Name, object Value)[] _shared;
    private readonly List<object?[]> _pending = new(ChunkRows);
    private DbCommand? _many;
    private DbParameter[]? _manyParameters;
    private DbCommand? _one;
    private DbParameter[]? _oneParameters;

    /// <param name="store">The row store (connection and transaction).</param>
    /// <param name="head">Everything before <c>VALUES</c>' tuples, e.g. <c>INSERT INTO t (a,b) VALUES </c>.</param>
    /// <param name="row">One tuple with <c>{0}</c>…<c>{width-1}</c> for the per-row values and shared names as is.</param>
    /// <param name="width">Per-row values.</param>
    /// <param name="tail">After the tuples (e.g. <c>ON CONFLICT …</c>); may be empty.</param>
    /// <param name="shared">Parameters bound once for every row.</param>
    public BulkStatement(RowStore store, string head, string row, int width, string tail, params (string Name, object Value)[] shared)
    {
        _store = store;
        _head = head;
        _row = row;
        _tail = tail;
        _width = width;
        _shared = shared;
    }

    /// <summary>Buffers one row (values in template order; null = SQL NULL); executes a full chunk.</summary>
    public async Task AddAsync(object?[] values, CancellationToken ct)
    {
        _pending.Add(values);
        if (_pending.Count < ChunkRows) return;
        _many ??= await CreateAsync(ChunkRows, ct);
        _manyParameters ??= Parameters(_many);
        Bind(_manyParameters, _pending);
        await _many.ExecuteNonQueryAsync(ct);
        _pending.Clear();
    }

    /// <summary>Executes the buffered rows.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_pending.Count == 0) return;
        _one ??= await CreateAsync(1, ct);
        _oneParameters ??= Parameters(_one);
        foreach (var values in _pending)
        {
            for (var i = 0; i < _width; i++) _oneParameters[i].Value = values[i] ?? DBNull.Value;
            await _one.ExecuteNonQueryAsync(ct);
        }
        _pending.Clear();
    }

    private void Bind(DbParameter[] parameters, List<object?[]> rows)
    {
        for (var r = 0; r < rows.Count; r++)
            for (var i = 0; i < _width; i++)
                parameters[r * _width + i].Value = rows[r][i] ?? DBNull.Value;
    }

    private static DbParameter[] Parameters(DbCommand command) =>
        [.. command.Parameters.Cast<DbParameter>().Where(p => p.ParameterName.StartsWith("@b", StringComparison.Ordinal))];

    private async Task<DbCommand> CreateAsync(int rows, CancellationToken ct)
    {
        var sql = new StringBuilder(_head.Length + rows * (_row.Length + 8 * _width) + _tail.Length);
        sql.Append(_head);
        var names = new object[_width];
        for (var r = 0; r < rows; r++)
        {
            for (var i = 0; i < _width; i++) names[i] = $"@b{r}_{i}";
            if (r > 0) sql.Append(',');
            sql.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, _row, names);
        }
        sql.Append(' ').Append(_tail);
        var command = _store.Command(sql.ToString());
        foreach (var (name, value) in _shared) RowStore.Add(command, name, value);
        for (var r = 0; r < rows; r++)
            for (var i = 0; i < _width; i++) RowStore.Add(command, $"@b{r}_{i}", null);
        await command.PrepareAsync(ct);
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (_many is not null) await _many.DisposeAsync();
        if (_one is not null) await _one.DisposeAsync();
    }
}
