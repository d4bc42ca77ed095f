using System.Text.Json.Nodes;
using Qilu.Workflow.Contracts;

namespace Qilu.Workflow.Runtime;

/// <summary>Entity → contract projections.</summary>
internal static class Views
{
    public static InstanceView Of(ProcessInstance i, bool alreadyExisted = false) => new(
        i.Id, i.DefinitionKey, i.DefinitionVersion, i.BusinessKey, i.State, JsonNode.Parse(i.Variables) as JsonObject ?? [],
        i.ParentInstanceId, [.. i.Executions.Where(e => e.State == ExecutionState.Waiting).Select(e => e.NodeId).Distinct(StringComparer.Ordinal)],
        i.StartedAt, i.EndedAt, i.DueAt, i.WarningLevel, i.Suspension, i.Version, alreadyExisted);

    public static TaskView Of(WorkTask t) => new(
        t.Id, t.InstanceId, t.BusinessKey, t.DefinitionKey, t.NodeId, t.Name, t.State, t.UnitKind, t.DivisionCode, t.UnitId, t.Role,
        t.Groups, t.Assignee, t.DelegatedBy, t.CreatedAt, t.DueAt, t.WarningLevel, t.EscalatedToDivision, t.Outcome, t.CompletedAt, t.Version);
}
