using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Qilu.Platform.Persistence;

namespace Qilu.Catalog.Resources;

/// <summary>
/// A multi-row statement (<c>INSERT … VALUES (…),(…),… [tail]</c>) prepared once on the import connection and re-used:
/// rows are buffered and sent <see cref="ChunkRows"/> at a time, the rest through a prepared one-row form of the same
/// statement. Parameters shared by every row (resource id, time) are <c>?1</c>…<c>?k</c> and bound once; per-row values
/// are bound by position.
/// <para>
/// It talks to SQLite directly (<see cref="SqliteRawStatement"/> on the connection's handle, inside the import's
/// transaction) instead of through <see cref="SqliteCommand"/>: Microsoft.Data.Sqlite binds every parameter by name on every execution, and SQLite
/// resolves a name by a linear scan of the statement's names, so a 64-row statement of 384 parameters cost ~74,000
/// string compares per execution (~5 % of an import's CPU in perf), plus a boxed value and a type switch per parameter
/// (ADR 0016 addendum 3). Values are bound exactly as Microsoft.Data.Sqlite binds them (text as UTF-8, integers as
/// 64-bit), so the stored bytes do not change. Not thread-safe: the import's single writer owns it.
/// </para>
/// </summary>
internal sealed class BulkStatement : IDisposable
{
    /// <summary>Rows per multi-row execution; 64 × 6 parameters stays far below SQLite's 32,766-variable limit.</summary>
    public const int ChunkRows = 64;

    private readonly SqliteConnection _connection;
    private readonly string _head;
    private readonly string _row;
    private readonly string _tail;
    private readonly int _width;
    private readonly BulkValue[] _shared;
    private readonly BulkValue[] _pending;
    private int _count;
    private SqliteRawStatement? _many;
    private SqliteRawStatement? _one;

    /// <param name="connection">The open import connection (its transaction is the connection's).</param>
    /// <param name="head">Everything before <c>VALUES</c>' tuples, e.g. <c>INSERT INTO t (a,b) VALUES </c>.</param>
    /// <param name="row">One tuple with <c>{0}</c>…<c>{width-1}</c> for the per-row values and <c>?1</c>…<c>?k</c> for the shared ones.</param>
    /// <param name="width">Per-row values.</param>
    /// <param name="tail">After the tuples (e.g. <c>ON CONFLICT …</c>); may be empty.</param>
    /// <param name="shared">Values bound once for every row, as <c>?1</c>, <c>?2</c>, …</param>
    public BulkStatement(SqliteConnection connection, string head, string row, int width, string tail, params BulkValue[] shared)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.Handle is null) throw new InvalidOperationException("The import connection is not open.");
        _connection = connection;
        _head = head;
        _row = row;
        _tail = tail;
        _width = width;
        _shared = shared;
        _pending = new BulkValue[ChunkRows * width];
    }

    /// <summary>Buffers one row (values in template order); executes a full chunk.</summary>
    public void Add(params ReadOnlySpan<BulkValue> values)
    {
        if (values.Length != _width) throw new ArgumentException($"Expected {_width} values, got {values.Length}.", nameof(values));
        values.CopyTo(_pending.AsSpan(_count * _width, _width));
        if (++_count < ChunkRows) return;
        _many ??= Prepare(ChunkRows);
        Execute(_many, _pending);
        Array.Clear(_pending);
        _count = 0;
    }

    /// <summary>Executes the buffered rows.</summary>
    public void Flush()
    {
        if (_count == 0) return;
        _one ??= Prepare(1);
        for (var r = 0; r < _count; r++) Execute(_one, _pending.AsSpan(r * _width, _width));
        Array.Clear(_pending);
        _count = 0;
    }

    private void Execute(SqliteRawStatement statement, ReadOnlySpan<BulkValue> values)
    {
        var first = _shared.Length + 1;
        for (var i = 0; i < values.Length; i++) Bind(statement, first + i, values[i]);
        statement.Execute();
    }

    private static void Bind(SqliteRawStatement statement, int index, BulkValue value)
    {
        if (value.IsInteger) statement.Bind(index, value.Integer);
        else statement.Bind(index, value.Text);
    }

    private SqliteRawStatement Prepare(int rows)
    {
        var sql = new StringBuilder(_head.Length + rows * (_row.Length + 8 * _width) + _tail.Length);
        sql.Append(_head);
        var names = new object[_width];
        for (var r = 0; r < rows; r++)
        {
            for (var i = 0; i < _width; i++) names[i] = "?" + (_shared.Length + 1 + r * _width + i).ToString(CultureInfo.InvariantCulture);
            if (r > 0) sql.Append(',');
            sql.AppendFormat(CultureInfo.InvariantCulture, _row, names);
        }
        sql.Append(' ').Append(_tail);
        var statement = new SqliteRawStatement(_connection, sql.ToString());
        for (var i = 0; i < _shared.Length; i++) Bind(statement, i + 1, _shared[i]);
        return statement;
    }

    /// <summary>Finalizes the statements (before the connection goes back to the pool).</summary>
    public void Dispose()
    {
        _many?.Dispose();
        _one?.Dispose();
        _many = _one = null;
    }
}

/// <summary>A value bound by <see cref="BulkStatement"/>: text (UTF-8), a 64-bit integer, or NULL.</summary>
internal readonly record struct BulkValue(string? Text, long Integer, bool IsInteger)
{
    public static implicit operator BulkValue(string? text) => new(text, 0, false);

    public static implicit operator BulkValue(long integer) => new(null, integer, true);
}
