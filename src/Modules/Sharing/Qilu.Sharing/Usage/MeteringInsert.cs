using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Qilu.Sharing.Usage;

/// <summary>
/// The metering writer's INSERT on SQLite (ADR 0018 addendum): one statement prepared once per writer connection and
/// re-executed for every record of a batch, where EF Core would track each record and build the batch's SQL anew. The
/// columns and the parameter conversions come from the EF model (the type mappings EF Core binds with, as the Workflow
/// engine's history insert does), so a record is stored exactly as EF Core would store it.
/// </summary>
internal sealed class MeteringInsert : IAsyncDisposable
{
    private readonly SqliteCommand _command;
    private readonly (IProperty Property, RelationalTypeMapping Mapping, string Name)[] _columns;

    public MeteringInsert(SqliteConnection connection, IModel model)
    {
        var type = model.FindEntityType(typeof(MeteringRecord)) ?? throw new InvalidOperationException("MeteringRecord is not in the model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        _columns = [.. type.GetProperties().Select((p, i) => (p, p.GetRelationalTypeMapping(), $"@p{i}"))];
        _command = connection.CreateCommand();
        _command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", _columns.Select(c => $"\"{c.Property.GetColumnName(table)}\""))}) " +
            $"VALUES ({string.Join(", ", _columns.Select(c => c.Name))})";
    }

    /// <summary>Inserts <paramref name="records"/> in <paramref name="transaction"/>.</summary>
    public async Task InsertAsync(SqliteTransaction transaction, IEnumerable<MeteringRecord> records)
    {
        _command.Transaction = transaction;
        foreach (var record in records)
        {
            _command.Parameters.Clear();
            foreach (var (property, mapping, name) in _columns)
                _command.Parameters.Add(mapping.CreateParameter(_command, name, property.GetGetter().GetClrValue(record), property.IsNullable));
            await _command.ExecuteNonQueryAsync();
        }
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
