using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Qilu.Platform.Persistence;

/// <summary>
/// One statement prepared on an open SQLite connection's handle and bound by position, for a writer that executes the
/// same INSERT thousands of times a second (the audit log's group commit, the Catalog import). Microsoft.Data.Sqlite binds every parameter
/// by name on every execution, and SQLite finds a name by scanning the statement's names: a 4-entry audit batch of 52
/// parameters cost ~1,350 string comparisons, a binder object per parameter and a data reader per execution (ADR 0004
/// addendum 3). The Catalog import's multi-row statements are built on it too (<c>BulkStatement</c>, ADR 0016 addendum 3). Values are
/// bound as Microsoft.Data.Sqlite binds them (text as UTF-8, integers as 64-bit, byte arrays as blobs), so the stored
/// bytes are the same. It runs inside whatever transaction the connection has open. Not thread-safe: one writer owns it.
/// </summary>
public sealed class SqliteRawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private sqlite3_stmt? _statement;
    private byte[] _utf8 = new byte[256];

    /// <summary>Prepares <paramref name="sql"/> (parameters <c>?1</c>…<c>?n</c>) on <paramref name="connection"/>, which must be open.</summary>
    public SqliteRawStatement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out var statement);
        if (rc != raw.SQLITE_OK || statement is null)
        {
            statement?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, _db);
            throw new InvalidOperationException("SQLite prepared no statement.");
        }
        _statement = statement;
    }

    private sqlite3_stmt Statement => _statement ?? throw new ObjectDisposedException(nameof(SqliteRawStatement));

    /// <summary>Binds a 64-bit integer to parameter <paramref name="index"/> (1-based).</summary>
    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(Statement, index, value));

    /// <summary>Binds text (UTF-8), or NULL for null, to parameter <paramref name="index"/> (1-based).</summary>
    public void Bind(int index, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(Statement, index));
            return;
        }
        if (value.Length == 0)
        {
            // An empty span would reach SQLite as a null pointer, which binds NULL; the string overload passes "".
            Check(raw.sqlite3_bind_text(Statement, index, string.Empty));
            return;
        }
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_utf8.Length < max) _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        var length = Encoding.UTF8.GetBytes(value, _utf8);
        // SQLitePCLRaw binds spans with SQLITE_TRANSIENT: SQLite copies the bytes, so the buffer is reused at once.
        Check(raw.sqlite3_bind_text(Statement, index, _utf8.AsSpan(0, length)));
    }

    /// <summary>Binds a blob to parameter <paramref name="index"/> (1-based).</summary>
    public void Bind(int index, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Check(raw.sqlite3_bind_blob(Statement, index, value));
    }

    /// <summary>Runs the statement to completion and resets it for the next execution (the bindings stay until re-bound).</summary>
    public void Execute()
    {
        var statement = Statement;
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    /// <summary>Finalizes the statement (before its connection is closed).</summary>
    public void Dispose()
    {
        _statement?.Dispose();
        _statement = null;
    }
}
