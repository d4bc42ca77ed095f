using System.Text.Json.Nodes;

namespace Qilu.Workflow.Contracts;

/// <summary>A process instance as callers see it.</summary>
/// <param name="Id">Instance id.</param>
/// <param name="DefinitionKey">Definition key.</param>
/// <param name="DefinitionVersion">The version it runs on (fixed for its life).</param>
/// <param name="BusinessKey">The caller's key (case number, ticket number); unique per definition key.</param>
/// <param name="State">State.</param>
/// <param name="Variables">Current variables.</param>
/// <param name="ParentInstanceId">Parent instance for a sub-process instance.</param>
/// <param name="ActiveNodes">Node ids where tokens wait.</param>
/// <param name="StartedAt">Start (UTC).</param>
/// <param name="EndedAt">End (UTC), if ended.</param>
/// <param name="DueAt">Deadline of the process time limit, null while suspended or without a limit.</param>
/// <param name="WarningLevel">Warning level of the process limit.</param>
/// <param name="Suspension">Current suspension kind, if suspended.</param>
/// <param name="Version">Concurrency version.</param>
/// <param name="AlreadyExisted">True when a start found the instance already started (idempotent start).</param>
public sealed record InstanceView(Guid Id, string DefinitionKey, int DefinitionVersion, string BusinessKey, InstanceState State,
    JsonObject Variables, Guid? ParentInstanceId, IReadOnlyList<string> ActiveNodes, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    DateTimeOffset? DueAt, WarningLevel WarningLevel, SuspensionKind? Suspension, uint Version, bool AlreadyExisted = false);
