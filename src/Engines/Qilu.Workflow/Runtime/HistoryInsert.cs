using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Qilu.Workflow.Runtime;

/// <summary>
/// The group-commit writer's INSERT of history rows (ADR 0014 addendum): one SQLite statement, prepared once per
/// writer connection and re-executed for every row, where EF Core would track each row, generate the SQL, prepare it
/// anew and read the generated key back. The columns and the parameter conversions come from the EF model (the same
/// type mappings EF Core binds with), so a row is stored exactly as EF Core would store it.
/// </summary>
internal sealed class HistoryInsert : IAsyncDisposable
{
    private readonly SqliteCommand _command;
    private readonly (IProperty Property, RelationalTypeMapping Mapping, string Name)[] _columns;

    public HistoryInsert(SqliteConnection connection, IModel model)
    {
        var type = model.FindEntityType(typeof(HistoryEntry)) ?? throw new InvalidOperationException("HistoryEntry is not in the model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        _columns = [.. type.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))
            .Select((p, i) => (p, p.GetRelationalTypeMapping(), $"@p{i}"))];
        _command = connection.CreateCommand();
        _command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", _columns.Select(c => $"\"{c.Property.GetColumnName(table)}\""))}) " +
            $"VALUES ({string.Join(", ", _columns.Select(c => c.Name))})";
    }

    /// <summary>Inserts <paramref name="rows"/> in <paramref name="transaction"/>.</summary>
    public async Task InsertAsync(SqliteTransaction transaction, IReadOnlyList<HistoryEntry> rows)
    {
        _command.Transaction = transaction;
        foreach (var row in rows)
        {
            _command.Parameters.Clear();
            foreach (var (property, mapping, name) in _columns)
                _command.Parameters.Add(mapping.CreateParameter(_command, name, property.GetGetter().GetClrValue(row), property.IsNullable));
            await _command.ExecuteNonQueryAsync();
        }
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
