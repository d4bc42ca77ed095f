using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Audit;
using Qilu.Platform.Persistence;
using Qilu.Sharing.Data;

namespace Qilu.Sharing.Usage;

/// <summary>
/// Writes the gateway's metering records inside the audit log's group commit (ADR 0018 addendum 3): a call's metering
/// record and its audit entry are committed by the same transaction, so the call waits for one durable commit, not
/// two, and a metering record never exists without its audit entry or the other way round. Before, a separate metering
/// group commit took the SQLite file's write lock in turn with the audit log's, and every call waited for both.
/// One prepared INSERT per audit-writer connection, with the table, schema and column mappings of the Sharing model
/// of the provider in use (SQLite or PostgreSQL). Called only from the audit writer's single loop, and deliberately not
/// disposable: its statements belong to the audit writer's connection, which finalizes them when it closes; disposing
/// them from the container at shutdown raced with the writer thread still draining on that connection.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The statements belong to the audit writer's connection, which finalizes them; see the summary.")]
internal sealed class MeteringCompanion(IServiceScopeFactory scopes) : IAuditCompanionWriter
{
    private IEntityType? _type;
    private PreparedRowInsert? _insert;

    /// <summary>The companion that commits <paramref name="record"/> with its call's audit entry.</summary>
    public AuditCompanion For(MeteringRecord record) => new(this, record);

    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<object> items, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (_insert is null || !ReferenceEquals(_insert.Connection, connection))
        {
            // A new audit-writer connection (the first batch, or after a failed one): prepare on it.
            if (_insert is not null) await _insert.DisposeAsync();
            _insert = new PreparedRowInsert(connection, _type ??= await MeteringTypeAsync());
        }
        await _insert.InsertAsync(transaction, items.Cast<MeteringRecord>(), ct);
    }

    private async Task<IEntityType> MeteringTypeAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SharingDbContext>();
        return db.Model.FindEntityType(typeof(MeteringRecord)) ?? throw new InvalidOperationException("MeteringRecord is not in the Sharing model.");
    }
}
