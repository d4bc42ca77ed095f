using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Qilu.Workflow.Data;

namespace Qilu.Workflow.Definitions;

/// <summary>Parsed definitions by version id; a deployed version never changes, so entries never go stale.</summary>
internal sealed class DefinitionCache
{
    private readonly ConcurrentDictionary<Guid, ProcessDefinition> _byId = new();

    public async Task<ProcessDefinition> GetAsync(WorkflowDbContext db, Guid id, CancellationToken ct)
    {
        if (_byId.TryGetValue(id, out var d)) return d;
        var record = await db.Definitions.AsNoTracking().SingleAsync(x => x.Id == id, ct);
        return Add(record);
    }

    public ProcessDefinition Add(DefinitionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var parsed = DefinitionParser.Parse(record.Json);
        if (!parsed.IsSuccess) throw new InvalidOperationException($"Stored definition {record.Key} v{record.Version} no longer parses: {parsed}");
        return _byId.GetOrAdd(record.Id, parsed.Value);
    }

    /// <summary>The latest version of a key; read from the database so that a deployment on another node is seen.</summary>
    public async Task<(DefinitionRecord Record, ProcessDefinition Definition)?> LatestAsync(WorkflowDbContext db, string key, CancellationToken ct)
    {
        var record = await db.Definitions.AsNoTracking().Where(x => x.Key == key).OrderByDescending(x => x.Version)
            .Select(x => new DefinitionRecord { Id = x.Id, Key = x.Key, Version = x.Version, Name = x.Name, Hash = x.Hash })
            .FirstOrDefaultAsync(ct);
        if (record is null) return null;
        return (record, await GetAsync(db, record.Id, ct));
    }
}
