using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Qilu.SharedKernel.Results;

namespace Qilu.Workflow.Definitions;

/// <summary>
/// Parses and validates a definition document (format in docs/workflow.md). Every error names the JSON path of the
/// offending member in <see cref="Error.Field"/> (<c>$.nodes[2].assignment.role</c>), so an editor can point at it.
/// </summary>
internal static partial class DefinitionParser
{
    private static readonly Dictionary<string, NodeType> Types = new(StringComparer.Ordinal)
    {
        ["start"] = NodeType.Start,
        ["end"] = NodeType.End,
        ["userTask"] = NodeType.UserTask,
        ["serviceTask"] = NodeType.ServiceTask,
        ["exclusiveGateway"] = NodeType.ExclusiveGateway,
        ["parallelGateway"] = NodeType.ParallelGateway,
        ["callActivity"] = NodeType.CallActivity,
    };

    [GeneratedRegex("^[a-z][a-z0-9_.-]{0,63}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex IdPattern();

    public static Result<ProcessDefinition> Parse(string json)
    {
        var errors = new List<Error>();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json ?? "", documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            return Result<ProcessDefinition>.Failure(new Error("workflow.definition.json",
                $"不是合法的 JSON（第 {e.LineNumber + 1} 行）", $"Not valid JSON (line {e.LineNumber + 1}): {e.Message}", "$"));
        }
        if (root is not JsonObject doc)
            return Result<ProcessDefinition>.Failure(Err("type", "$", "定义必须是 JSON 对象", "The definition must be a JSON object"));

        var key = RequiredString(doc, "key", "$", errors);
        if (key is not null && !KeyPattern().IsMatch(key))
            errors.Add(Err("key", "$.key", "键只能包含小写字母、数字、点、下划线和连字符，以字母开头，至多 64 个字符",
                "The key must start with a lower-case letter and hold only a-z, 0-9, '.', '_', '-' (at most 64)"));
        var name = OptionalString(doc, "name", "$", errors) ?? key ?? "";
        var processLimit = doc["timeLimit"] is { } tl ? ParseLimit(tl, "$.timeLimit", errors) : null;

        var nodes = new List<Node>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        if (doc["nodes"] is not JsonArray nodeArray || nodeArray.Count == 0)
            errors.Add(Err("nodes", "$.nodes", "至少需要一个节点数组", "nodes must be a non-empty array"));
        else
        {
            for (var i = 0; i < nodeArray.Count; i++)
            {
                var path = $"$.nodes[{i}]";
                if (nodeArray[i] is not JsonObject n) { errors.Add(Err("type", path, "节点必须是对象", "A node must be an object")); continue; }
                var node = ParseNode(n, path, errors);
                if (node is null) continue;
                if (!ids.TryAdd(node.Id, i))
                    errors.Add(Err("duplicate_id", path + ".id", $"节点 ID“{node.Id}”重复（与 $.nodes[{ids[node.Id]}] 相同）", $"Duplicate node id '{node.Id}' (also at $.nodes[{ids[node.Id]}])"));
                else nodes.Add(node);
            }
        }

        var flows = new List<Flow>();
        if (doc["flows"] is not JsonArray flowArray)
            errors.Add(Err("flows", "$.flows", "缺少连线数组 flows", "flows must be an array"));
        else
        {
            for (var i = 0; i < flowArray.Count; i++)
            {
                var path = $"$.flows[{i}]";
                if (flowArray[i] is not JsonObject f) { errors.Add(Err("type", path, "连线必须是对象", "A flow must be an object")); continue; }
                var from = RequiredString(f, "from", path, errors);
                var to = RequiredString(f, "to", path, errors);
                if (from is not null && !ids.ContainsKey(from)) errors.Add(Err("unknown_node", path + ".from", $"节点“{from}”不存在", $"No node '{from}'"));
                if (to is not null && !ids.ContainsKey(to)) errors.Add(Err("unknown_node", path + ".to", $"节点“{to}”不存在", $"No node '{to}'"));
                var isDefault = f["default"] is JsonValue dv && dv.TryGetValue<bool>(out var b) && b;
                var outcome = OptionalString(f, "outcome", path, errors);
                var condition = f["condition"]?.DeepClone();
                if (from is null || to is null) continue;
                flows.Add(new Flow(from, to, condition, isDefault, outcome));
                CheckFlowShape(nodes.FirstOrDefault(n => n.Id == from), flows[^1], path, errors);
            }
        }

        if (errors.Count == 0) CheckGraph(nodes, flows, errors);
        if (errors.Count > 0) return Result<ProcessDefinition>.Failure(errors);
        return new ProcessDefinition(key!, name, nodes, flows, processLimit);
    }

    private static Node? ParseNode(JsonObject n, string path, List<Error> errors)
    {
        var id = RequiredString(n, "id", path, errors);
        if (id is not null && !IdPattern().IsMatch(id))
            errors.Add(Err("id", path + ".id", "节点 ID 只能包含字母、数字、下划线和连字符", "A node id holds only letters, digits, '_' and '-' (at most 64)"));
        var typeName = RequiredString(n, "type", path, errors);
        if (typeName is null) return null;
        if (!Types.TryGetValue(typeName, out var type))
        {
            errors.Add(Err("node_type", path + ".type", $"未知的节点类型“{typeName}”（可选：{string.Join("、", Types.Keys)}）",
                $"Unknown node type '{typeName}' (one of {string.Join(", ", Types.Keys)})"));
            return null;
        }
        if (id is null) return null;
        var node = new Node(id, type, OptionalString(n, "name", path, errors) ?? id);
        if (n["timeLimit"] is { } tl)
        {
            if (type != NodeType.UserTask) errors.Add(Err("time_limit_node", path + ".timeLimit", "只有人工任务可以设置时限", "Only user tasks take a time limit"));
            else node = node with { TimeLimit = ParseLimit(tl, path + ".timeLimit", errors) };
        }
        switch (type)
        {
            case NodeType.UserTask:
                if (n["assignment"] is not JsonObject a)
                {
                    errors.Add(Err("required", path + ".assignment", "人工任务必须设置 assignment（单位与角色）", "A user task needs an assignment (unit and role)"));
                    break;
                }
                var role = a["role"];
                if (role is null || (role is JsonValue rv && (!rv.TryGetValue<string>(out var rs) || string.IsNullOrWhiteSpace(rs))))
                    errors.Add(Err("required", path + ".assignment.role", "必须指定办理角色", "assignment.role is required (a role code or a rule)"));
                if (a["division"] is null && a["unitId"] is null)
                    errors.Add(Err("required", path + ".assignment.division", "必须指定办理单位：division（区划）或 unitId", "assignment needs a division or a unitId (literal or rule)"));
                node = node with
                {
                    Assignment = new Assignment(a["unitKind"]?.DeepClone(), a["division"]?.DeepClone(), a["unitId"]?.DeepClone(), role?.DeepClone() ?? ""),
                    CandidateGroups = StringArray(n, "candidateGroups", path, errors),
                    ReturnTo = OptionalString(n, "returnTo", path, errors),
                };
                break;
            case NodeType.ServiceTask:
                node = node with { Topic = RequiredString(n, "topic", path, errors) };
                break;
            case NodeType.CallActivity:
                node = node with { CalledElement = RequiredString(n, "calledElement", path, errors) };
                if (n["multiInstance"] is { } mi)
                {
                    if (mi is not JsonObject m) { errors.Add(Err("type", path + ".multiInstance", "multiInstance 必须是对象", "multiInstance must be an object")); break; }
                    var collection = RequiredString(m, "collection", path + ".multiInstance", errors);
                    var element = RequiredString(m, "elementVariable", path + ".multiInstance", errors);
                    var output = OptionalString(m, "outputCollection", path + ".multiInstance", errors);
                    if (collection is not null && element is not null) node = node with { MultiInstance = new MultiInstance(collection, element, output) };
                }
                break;
        }
        return node;
    }

    private static TimeLimit? ParseLimit(JsonNode node, string path, List<Error> errors)
    {
        if (node is not JsonObject o) { errors.Add(Err("type", path, "timeLimit 必须是对象", "timeLimit must be an object")); return null; }
        var count = errors.Count;
        int? days = null;
        double? hours = null;
        if (o["workingDays"] is { } d)
        {
            if (d is JsonValue v && v.TryGetValue<int>(out var n) && n is > 0 and <= 3650) days = n;
            else errors.Add(Err("working_days", path + ".workingDays", "工作日数必须是 1–3650 的整数", "workingDays must be an integer from 1 to 3650"));
        }
        if (o["hours"] is { } h)
        {
            if (h is JsonValue v && v.TryGetValue<double>(out var x) && x > 0 && x <= 87_600) hours = x;
            else errors.Add(Err("hours", path + ".hours", "小时数必须大于 0", "hours must be a positive number"));
        }
        if (days is not null && hours is not null)
            errors.Add(Err("limit_unit", path, "workingDays 与 hours 只能设置一个", "Give workingDays or hours, not both"));
        if (o["workingDays"] is null && o["hours"] is null)
            errors.Add(Err("required", path + ".workingDays", "必须设置 workingDays 或 hours", "workingDays or hours is required"));
        double? yellow = 0.7, red = 0.9;
        if (o["warnings"] is { } w)
        {
            if (w is not JsonObject wo) errors.Add(Err("type", path + ".warnings", "warnings 必须是对象", "warnings must be an object"));
            else
            {
                yellow = Fraction(wo, "yellow", path + ".warnings", errors);
                red = Fraction(wo, "red", path + ".warnings", errors);
                if (yellow is not null && red is not null && yellow >= red)
                    errors.Add(Err("warning_order", path + ".warnings.red", "红灯阈值必须大于黄灯阈值", "The red threshold must be above the yellow one"));
            }
        }
        Escalation? escalation = null;
        if (o["escalation"] is { } e)
        {
            if (e is not JsonObject eo) errors.Add(Err("type", path + ".escalation", "escalation 必须是对象", "escalation must be an object"));
            else
            {
                var at = eo["at"] is null ? 1.0 : Fraction(eo, "at", path + ".escalation", errors, allowOne: true);
                var to = OptionalString(eo, "to", path + ".escalation", errors) ?? "parent";
                EscalationTarget? target = to switch { "parent" => EscalationTarget.Parent, "city" => EscalationTarget.City, "province" => EscalationTarget.Province, _ => null };
                if (target is null) errors.Add(Err("escalation_target", path + ".escalation.to", "督办层级只能是 parent、city 或 province", "escalation.to is parent, city or province"));
                if (at is not null && target is not null) escalation = new Escalation(at.Value, target.Value, OptionalString(eo, "unitKind", path + ".escalation", errors));
            }
        }
        var action = DeadlineAction.Notify;
        switch (OptionalString(o, "onDeadline", path, errors))
        {
            case null or "notify": break;
            case "escalate": action = DeadlineAction.Escalate; break;
            default: errors.Add(Err("deadline_action", path + ".onDeadline", "onDeadline 只能是 notify 或 escalate", "onDeadline is notify or escalate")); break;
        }
        return errors.Count > count ? null : new TimeLimit(days, hours, yellow, red, escalation, action);
    }

    private static double? Fraction(JsonObject o, string name, string path, List<Error> errors, bool allowOne = false)
    {
        if (o[name] is null) return null;
        if (o[name] is JsonValue v && v.TryGetValue<double>(out var x) && x > 0 && (x < 1 || (allowOne && x <= 1))) return x;
        errors.Add(Err("fraction", $"{path}.{name}", $"{name} 必须是 0 到 1 之间的比例", $"{name} must be a fraction between 0 and 1"));
        return null;
    }

    private static void CheckFlowShape(Node? from, Flow flow, string path, List<Error> errors)
    {
        if (from is null) return;
        if (flow.Condition is not null && from.Type != NodeType.ExclusiveGateway)
            errors.Add(Err("condition_node", path + ".condition", "只有排他网关的出口连线可以带条件", "Only flows leaving an exclusive gateway take a condition"));
        if (flow.IsDefault && from.Type != NodeType.ExclusiveGateway)
            errors.Add(Err("default_node", path + ".default", "只有排他网关的出口连线可以是默认连线", "Only flows leaving an exclusive gateway can be the default"));
        if (flow.Outcome is not null && from.Type != NodeType.UserTask)
            errors.Add(Err("outcome_node", path + ".outcome", "只有人工任务的出口连线可以带办理结果", "Only flows leaving a user task take an outcome"));
        if (flow.IsDefault && flow.Condition is not null)
            errors.Add(Err("default_condition", path + ".condition", "默认连线不能带条件", "The default flow takes no condition"));
    }

    private static void CheckGraph(List<Node> nodes, List<Flow> flows, List<Error> errors)
    {
        string NodePath(string id) => $"$.nodes[{nodes.FindIndex(n => n.Id == id)}]";
        var starts = nodes.Where(n => n.Type == NodeType.Start).ToList();
        if (starts.Count != 1)
            errors.Add(Err("start_count", "$.nodes", $"必须恰好有一个开始节点（现有 {starts.Count} 个）", $"Exactly one start node is required (found {starts.Count})"));
        if (!nodes.Any(n => n.Type == NodeType.End))
            errors.Add(Err("end_missing", "$.nodes", "至少需要一个结束节点", "At least one end node is required"));
        foreach (var n in nodes)
        {
            var outgoing = flows.Where(f => f.From == n.Id).ToList();
            var incoming = flows.Count(f => f.To == n.Id);
            var path = NodePath(n.Id);
            if (n.Type == NodeType.Start && incoming > 0) errors.Add(Err("start_incoming", path, "开始节点不能有进入的连线", "The start node takes no incoming flow"));
            if (n.Type == NodeType.End && outgoing.Count > 0) errors.Add(Err("end_outgoing", path, "结束节点不能有出去的连线", "An end node takes no outgoing flow"));
            if (n.Type != NodeType.End && outgoing.Count == 0) errors.Add(Err("dead_end", path, $"节点“{n.Id}”没有出口连线", $"Node '{n.Id}' has no outgoing flow"));
            if (n.Type is NodeType.Start or NodeType.ServiceTask or NodeType.CallActivity && outgoing.Count > 1)
                errors.Add(Err("fan_out", path, $"节点“{n.Id}”只能有一条出口连线（分支请用网关）", $"Node '{n.Id}' has one outgoing flow (use a gateway to branch)"));
            if (n.Type == NodeType.UserTask && outgoing.Count > 1)
            {
                var outcomes = outgoing.Where(f => f.Outcome is not null).Select(f => f.Outcome!).ToList();
                if (outcomes.Count != outcomes.Distinct(StringComparer.Ordinal).Count() || outgoing.Count(f => f.Outcome is null) > 1)
                    errors.Add(Err("outcomes", path, $"人工任务“{n.Id}”的出口连线必须各有不同的 outcome（至多一条不带 outcome）",
                        $"Flows leaving user task '{n.Id}' need distinct outcomes (at most one without)"));
            }
            if (n.Type == NodeType.ExclusiveGateway)
            {
                if (outgoing.Count(f => f.IsDefault) > 1) errors.Add(Err("defaults", path, "排他网关至多一条默认连线", "An exclusive gateway has at most one default flow"));
                if (outgoing.Any(f => !f.IsDefault && f.Condition is null))
                    errors.Add(Err("condition_missing", $"$.flows[{flows.FindIndex(f => f.From == n.Id && !f.IsDefault && f.Condition is null)}].condition",
                        "排他网关的出口连线必须带条件或设为默认", "A flow leaving an exclusive gateway needs a condition or default: true"));
            }
            if (n.ReturnTo is not null && nodes.FirstOrDefault(x => x.Id == n.ReturnTo) is not { Type: NodeType.UserTask })
                errors.Add(Err("return_to", path + ".returnTo", $"退回目标“{n.ReturnTo}”必须是人工任务", $"returnTo '{n.ReturnTo}' must be a user task"));
        }
        if (starts.Count != 1) return;
        var reached = new HashSet<string>(StringComparer.Ordinal) { starts[0].Id };
        var queue = new Queue<string>([starts[0].Id]);
        while (queue.TryDequeue(out var id))
            foreach (var f in flows.Where(f => f.From == id))
                if (reached.Add(f.To)) queue.Enqueue(f.To);
        foreach (var n in nodes.Where(n => !reached.Contains(n.Id)))
            errors.Add(Err("unreachable", NodePath(n.Id), $"节点“{n.Id}”从开始节点不可达", $"Node '{n.Id}' cannot be reached from the start"));
    }

    private static string? RequiredString(JsonObject o, string name, string path, List<Error> errors)
    {
        var value = OptionalString(o, name, path, errors);
        if (value is null && o[name] is null)
            errors.Add(Err("required", $"{path}.{name}", $"缺少必填项 {name}", $"{name} is required"));
        return value;
    }

    private static string? OptionalString(JsonObject o, string name, string path, List<Error> errors)
    {
        if (o[name] is null) return null;
        if (o[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s)) return s;
        errors.Add(Err("string", $"{path}.{name}", $"{name} 必须是非空字符串", $"{name} must be a non-empty string"));
        return null;
    }

    private static List<string> StringArray(JsonObject o, string name, string path, List<Error> errors)
    {
        if (o[name] is null) return [];
        if (o[name] is not JsonArray a) { errors.Add(Err("type", $"{path}.{name}", $"{name} 必须是字符串数组", $"{name} must be an array of strings")); return []; }
        var list = new List<string>();
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s)) list.Add(s);
            else errors.Add(Err("string", string.Create(CultureInfo.InvariantCulture, $"{path}.{name}[{i}]"), "必须是非空字符串", "Must be a non-empty string"));
        }
        return list;
    }

    internal static Error Err(string rule, string path, string zh, string en) => new($"workflow.definition.{rule}", zh, en, path);
}
