namespace Qilu.Workflow.Tests;

/// <summary>Process definitions used by the tests (the format of docs/workflow.md).</summary>
internal static class Defs
{
    /// <summary>受理 → (high risk: 审查) → 决定, with a 5-working-day limit on 受理.</summary>
    public const string Licence = """
    {
      "key": "licence",
      "name": "食品经营许可",
      "nodes": [
        { "id": "start", "type": "start" },
        { "id": "accept", "type": "userTask", "name": "受理",
          "assignment": { "unitKind": "market", "division": { "var": "divisionCode" }, "role": "acceptor" },
          "timeLimit": { "workingDays": 5, "warnings": { "yellow": 0.7, "red": 0.9 },
                         "escalation": { "at": 1.0, "to": "parent" }, "onDeadline": "escalate" } },
        { "id": "route", "type": "exclusiveGateway" },
        { "id": "review", "type": "userTask", "name": "审查",
          "assignment": { "unitKind": "market", "division": { "var": "divisionCode" }, "role": "reviewer" } },
        { "id": "decide", "type": "userTask", "name": "决定",
          "assignment": { "unitKind": "market", "division": { "var": "divisionCode" }, "role": "approver" } },
        { "id": "notify", "type": "serviceTask", "topic": "licence.decided" },
        { "id": "end", "type": "end" }
      ],
      "flows": [
        { "from": "start", "to": "accept" },
        { "from": "accept", "to": "route", "outcome": "accept" },
        { "from": "accept", "to": "end", "outcome": "reject" },
        { "from": "route", "to": "review", "condition": { "==": [ { "var": "risk" }, "high" ] } },
        { "from": "route", "to": "decide", "default": true },
        { "from": "review", "to": "decide" },
        { "from": "decide", "to": "notify" },
        { "from": "notify", "to": "end" }
      ]
    }
    """;

    /// <summary>Two parallel branches (public security and market) joined before a service step.</summary>
    public const string Parallel = """
    {
      "key": "parallel",
      "nodes": [
        { "id": "start", "type": "start" },
        { "id": "fork", "type": "parallelGateway" },
        { "id": "police", "type": "userTask", "assignment": { "unitKind": "public_security", "division": "370102", "role": "officer" } },
        { "id": "market", "type": "userTask", "assignment": { "unitKind": "market", "division": "370102", "role": "officer" } },
        { "id": "join", "type": "parallelGateway" },
        { "id": "notify", "type": "serviceTask", "topic": "parallel.joined" },
        { "id": "end", "type": "end" }
      ],
      "flows": [
        { "from": "start", "to": "fork" },
        { "from": "fork", "to": "police" },
        { "from": "fork", "to": "market" },
        { "from": "police", "to": "join" },
        { "from": "market", "to": "join" },
        { "from": "join", "to": "notify" },
        { "from": "notify", "to": "end" }
      ]
    }
    """;

    /// <summary>One matter of a bundle: handled by the unit kind the item names.</summary>
    public const string Matter = """
    {
      "key": "matter",
      "nodes": [
        { "id": "start", "type": "start" },
        { "id": "handle", "type": "userTask", "name": "办理",
          "assignment": { "unitKind": { "var": "matter.unitKind" }, "division": { "var": "divisionCode" }, "role": "handler" } },
        { "id": "end", "type": "end" }
      ],
      "flows": [ { "from": "start", "to": "handle" }, { "from": "handle", "to": "end" } ]
    }
    """;

    /// <summary>一件事: intake, then one sub-case per matter, joined before the end.</summary>
    public const string Bundle = """
    {
      "key": "bundle",
      "name": "新生儿出生一件事",
      "nodes": [
        { "id": "start", "type": "start" },
        { "id": "fanout", "type": "callActivity", "calledElement": "matter",
          "multiInstance": { "collection": "matters", "elementVariable": "matter", "outputCollection": "results" } },
        { "id": "deliver", "type": "serviceTask", "topic": "bundle.delivered" },
        { "id": "end", "type": "end" }
      ],
      "flows": [ { "from": "start", "to": "fanout" }, { "from": "fanout", "to": "deliver" }, { "from": "deliver", "to": "end" } ]
    }
    """;

    /// <summary>A single step with a process-level limit of 5 working days.</summary>
    public const string ProcessLimit = """
    {
      "key": "process-limit",
      "timeLimit": { "workingDays": 5 },
      "nodes": [
        { "id": "start", "type": "start" },
        { "id": "accept", "type": "userTask", "assignment": { "division": "370102", "role": "acceptor" } },
        { "id": "end", "type": "end" }
      ],
      "flows": [ { "from": "start", "to": "accept" }, { "from": "accept", "to": "end" } ]
    }
    """;
}
