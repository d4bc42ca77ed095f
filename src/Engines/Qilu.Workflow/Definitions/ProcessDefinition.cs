using System.Text.Json.Nodes;

namespace Qilu.Workflow.Definitions;

/// <summary>Kinds of node in a process definition.</summary>
internal enum NodeType
{
    Start,
    End,
    UserTask,
    ServiceTask,
    ExclusiveGateway,
    ParallelGateway,
    CallActivity,
}

/// <summary>A parsed, validated process definition (immutable; shared by every instance of its version).</summary>
internal sealed class ProcessDefinition
{
    private readonly Dictionary<string, List<Flow>> _outgoing;
    private readonly Dictionary<string, List<Flow>> _incoming;

    public ProcessDefinition(string key, string name, IReadOnlyList<Node> nodes, IReadOnlyList<Flow> flows, TimeLimit? timeLimit)
    {
        Key = key;
        Name = name;
        Nodes = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        Flows = flows;
        TimeLimit = timeLimit;
        _outgoing = nodes.ToDictionary(n => n.Id, n => flows.Where(f => f.From == n.Id).ToList(), StringComparer.Ordinal);
        _incoming = nodes.ToDictionary(n => n.Id, n => flows.Where(f => f.To == n.Id).ToList(), StringComparer.Ordinal);
        Start = nodes.Single(n => n.Type == NodeType.Start);
    }

    public string Key { get; }

    public string Name { get; }

    public IReadOnlyDictionary<string, Node> Nodes { get; }

    public IReadOnlyList<Flow> Flows { get; }

    public TimeLimit? TimeLimit { get; }

    public Node Start { get; }

    public IReadOnlyList<Flow> Outgoing(string nodeId) => _outgoing[nodeId];

    public IReadOnlyList<Flow> Incoming(string nodeId) => _incoming[nodeId];

    /// <summary>Called definition keys (call activities), checked at deploy time.</summary>
    public IEnumerable<string> CalledElements => Nodes.Values.Where(n => n.CalledElement is not null).Select(n => n.CalledElement!);
}

/// <summary>One node.</summary>
internal sealed record Node(string Id, NodeType Type, string Name)
{
    public Assignment? Assignment { get; init; }

    public IReadOnlyList<string> CandidateGroups { get; init; } = [];

    public string? Topic { get; init; }

    public string? CalledElement { get; init; }

    public MultiInstance? MultiInstance { get; init; }

    public TimeLimit? TimeLimit { get; init; }

    public string? ReturnTo { get; init; }
}

/// <summary>Who a user task goes to. Each part is a literal or a rule evaluated on the instance variables.</summary>
internal sealed record Assignment(JsonNode? UnitKind, JsonNode? Division, JsonNode? UnitId, JsonNode Role);

/// <summary>One child instance per item of <see cref="Collection"/> (一件事 fan-out).</summary>
internal sealed record MultiInstance(string Collection, string ElementVariable, string? OutputCollection);

/// <summary>A sequence flow.</summary>
internal sealed record Flow(string From, string To, JsonNode? Condition, bool IsDefault, string? Outcome);

/// <summary>Time limit of a task or of the whole process.</summary>
internal sealed record TimeLimit(int? WorkingDays, double? Hours, double? Yellow, double? Red, Escalation? Escalation, DeadlineAction OnDeadline);

/// <summary>督办: at a share of the limit, supervision goes to the unit of this level.</summary>
internal sealed record Escalation(double At, EscalationTarget To, string? UnitKind);

/// <summary>The supervising level.</summary>
internal enum EscalationTarget
{
    Parent,
    City,
    Province,
}

/// <summary>What happens at the deadline besides marking the task overdue.</summary>
internal enum DeadlineAction
{
    /// <summary>Mark overdue and publish the event.</summary>
    Notify,
    /// <summary>Also escalate to the supervising unit.</summary>
    Escalate,
}
