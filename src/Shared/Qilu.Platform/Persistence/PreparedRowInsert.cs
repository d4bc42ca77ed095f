using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Qilu.Platform.Persistence;

/// <summary>
/// A batch writer's INSERT of append-only rows (the workflow engine's history and outbox on SQLite, ADR 0014 addenda 2
/// and 3; the gateway's metering records, written in batches from the audit log on either provider, ADR 0018 addendum 7):
/// multi-row statements of up to <see cref="MaxRowsPerStatement"/> rows (<see cref="SqliteRowsPerStatement"/> on SQLite),
/// each size prepared once per writer connection
/// and re-executed, where EF Core would track each row, generate the SQL, prepare it anew and (for a generated key)
/// read the key back. Several rows per statement matter on PostgreSQL, where each statement is a round trip. The table, its schema (PostgreSQL), the columns and the parameter
/// conversions come from the EF model of the provider in use (the same type mappings EF Core binds with), so a row is
/// stored exactly as EF Core would store it.
/// </summary>
public sealed class PreparedRowInsert : IAsyncDisposable
{
    /// <summary>Most rows one statement inserts (a 25-column row then binds 800 parameters; SQLite allows 32,766).</summary>
    public const int MaxRowsPerStatement = 32;

    /// <summary>
    /// Most rows one statement inserts on SQLite. Microsoft.Data.Sqlite binds every parameter by name on every execution,
    /// and SQLite finds a name by scanning the statement's names (ADR 0016 addendum 3): a 32-row metering statement (672
    /// parameters) cost ~226,000 name comparisons, ~7,000 per row. SQLite has no round trip to save, so a few rows per
    /// statement keep the per-execution cost shared while the scan stays short (4 rows: ~880 comparisons per row).
    /// </summary>
    public const int SqliteRowsPerStatement = 4;

    private readonly string _head;
    private readonly string _tail;
    private readonly (IProperty Property, RelationalTypeMapping Mapping)[] _columns;
    private readonly Dictionary<int, DbCommand> _commands = [];
    private readonly int _rowsPerStatement;
    private readonly string[][] _names;

    /// <summary>Prepares the INSERT of <paramref name="type"/>'s rows on <paramref name="connection"/>.</summary>
    /// <param name="connection">The writer's open connection.</param>
    /// <param name="type">The entity type whose table and columns the rows fill.</param>
    /// <param name="skipExistingKeys">Rows whose key is already stored are passed over (<c>ON CONFLICT DO NOTHING</c>, on
    /// SQLite and PostgreSQL alike) instead of failing the statement: for a projection that may meet records written
    /// before it took over, without a lookup of every key first.</param>
    public PreparedRowInsert(DbConnection connection, IEntityType type, bool skipExistingKeys = false)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(type);
        Connection = connection;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        // A key the database generates (history's integer sequence) is left to it; a Guid key (the outbox's event id)
        // is EF Core's client-side value, which the row already carries.
        _columns = [.. type.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never && p.ClrType != typeof(Guid)))
            .Select(p => (p, p.GetRelationalTypeMapping()))];
        var name = table.Schema is null ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"";
        _head = $"INSERT INTO {name} ({string.Join(", ", _columns.Select(c => $"\"{c.Property.GetColumnName(table)}\""))}) VALUES ";
        _tail = skipExistingKeys ? " ON CONFLICT DO NOTHING" : "";
        _rowsPerStatement = connection is Microsoft.Data.Sqlite.SqliteConnection ? SqliteRowsPerStatement : MaxRowsPerStatement;
        // Parameter names made once (they were formatted anew for every value).
        _names = [.. Enumerable.Range(0, _rowsPerStatement).Select(r => Enumerable.Range(0, _columns.Length).Select(c => $"@p{r}_{c}").ToArray())];
    }

    /// <summary>The connection the statements are prepared on (a writer whose connection changed prepares anew).</summary>
    public DbConnection Connection { get; }

    /// <summary>Inserts <paramref name="rows"/> (entities of this type) in <paramref name="transaction"/>; returns the rows
    /// inserted (fewer than given only when existing keys are skipped).</summary>
    public async Task<int> InsertAsync<T>(DbTransaction transaction, IEnumerable<T> rows, CancellationToken ct = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        var inserted = 0;
        foreach (var chunk in rows.Chunk(_rowsPerStatement))
        {
            var command = CommandFor(chunk.Length);
            command.Transaction = transaction;
            command.Parameters.Clear();
            for (var r = 0; r < chunk.Length; r++)
            {
                for (var c = 0; c < _columns.Length; c++)
                {
                    var (property, mapping) = _columns[c];
                    command.Parameters.Add(mapping.CreateParameter(command, _names[r][c], property.GetGetter().GetClrValue(chunk[r]), property.IsNullable));
                }
            }
            inserted += await command.ExecuteNonQueryAsync(ct);
        }
        return inserted;
    }

    private DbCommand CommandFor(int rows)
    {
        if (_commands.TryGetValue(rows, out var known)) return known;
        var command = Connection.CreateCommand();
        command.CommandText = _head + string.Join(", ", Enumerable.Range(0, rows)
            .Select(r => "(" + string.Join(", ", _names[r]) + ")")) + _tail;
        _commands[rows] = command;
        return command;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values) await command.DisposeAsync();
        _commands.Clear();
    }
}
