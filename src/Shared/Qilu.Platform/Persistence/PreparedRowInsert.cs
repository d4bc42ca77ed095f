using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Qilu.Platform.Persistence;

/// <summary>
/// A batch writer's INSERT of append-only rows (the workflow engine's history and outbox on SQLite, ADR 0014 addenda 2
/// and 3; the gateway's metering records, written in the audit log's transaction on either provider, ADR 0018 addenda):
/// one statement per entity type, prepared once per writer connection and re-executed for every row, where EF Core
/// would track each row, generate the SQL, prepare it anew and (for a generated key) read the key back. The table, its
/// schema (PostgreSQL), the columns and the parameter conversions come from the EF model of the provider in use (the
/// same type mappings EF Core binds with), so a row is stored exactly as EF Core would store it.
/// </summary>
public sealed class PreparedRowInsert : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly (IProperty Property, RelationalTypeMapping Mapping, string Name)[] _columns;

    /// <summary>Prepares the INSERT of <paramref name="type"/>'s rows on <paramref name="connection"/>.</summary>
    public PreparedRowInsert(DbConnection connection, IEntityType type)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(type);
        Connection = connection;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        // A key the database generates (history's integer sequence) is left to it; a Guid key (the outbox's event id)
        // is EF Core's client-side value, which the row already carries.
        _columns = [.. type.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never && p.ClrType != typeof(Guid)))
            .Select((p, i) => (p, p.GetRelationalTypeMapping(), $"@p{i}"))];
        var name = table.Schema is null ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"";
        _command = connection.CreateCommand();
        _command.CommandText = $"INSERT INTO {name} ({string.Join(", ", _columns.Select(c => $"\"{c.Property.GetColumnName(table)}\""))}) " +
            $"VALUES ({string.Join(", ", _columns.Select(c => c.Name))})";
    }

    /// <summary>The connection the statement was prepared on (a writer whose connection changed prepares anew).</summary>
    public DbConnection Connection { get; }

    /// <summary>Inserts <paramref name="rows"/> (entities of this type) in <paramref name="transaction"/>.</summary>
    public async Task InsertAsync<T>(DbTransaction transaction, IEnumerable<T> rows, CancellationToken ct = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        _command.Transaction = transaction;
        foreach (var row in rows)
        {
            _command.Parameters.Clear();
            foreach (var (property, mapping, name) in _columns)
                _command.Parameters.Add(mapping.CreateParameter(_command, name, property.GetGetter().GetClrValue(row), property.IsNullable));
            await _command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
