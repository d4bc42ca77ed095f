using System.Globalization;
using System.Security;
using System.Text;

namespace Qilu.Workflow.Definitions;

/// <summary>
/// Draws a parsed definition as SVG, left to right: each node's column is its depth (the longest path from the start,
/// ignoring flows that go back, so a 补正 loop does not push the whole process right); nodes of one column are
/// stacked, which puts parallel branches one above the other. Gateways are diamonds (× exclusive, + parallel),
/// start and end are circles, tasks rounded boxes. Flows that go back are drawn as arcs under the nodes.
/// Server-side and script-free, so the page can embed it as markup and tests can read it.
/// </summary>
internal static class DefinitionDiagram
{
    private const int ColumnWidth = 170, RowHeight = 92, BoxWidth = 124, BoxHeight = 56, Margin = 30, Diamond = 26, Circle = 20;

    /// <summary>Where a node sits.</summary>
    internal sealed record Placement(Node Node, int Column, int Row, double X, double Y);

    public static IReadOnlyDictionary<string, Placement> Layout(ProcessDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var ids = definition.Nodes.Keys.ToList();
        var back = BackEdges(definition);
        // Longest path over forward flows (Kahn's order, so every predecessor is final before its successors).
        var depth = ids.ToDictionary(id => id, _ => -1, StringComparer.Ordinal);
        var indegree = ids.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        foreach (var f in definition.Flows.Where(f => !back.Contains(f) && depth.ContainsKey(f.To))) indegree[f.To]++;
        var queue = new Queue<string>(ids.Where(id => indegree[id] == 0).OrderBy(id => id == definition.Start.Id ? 0 : 1));
        foreach (var id in queue) depth[id] = 0;
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            foreach (var f in definition.Flows.Where(f => f.From == id && !back.Contains(f) && depth.ContainsKey(f.To)))
            {
                depth[f.To] = Math.Max(depth[f.To], depth[id] + 1);
                if (--indegree[f.To] == 0) queue.Enqueue(f.To);
            }
        }
        var max = depth.Values.DefaultIfEmpty(0).Max();
        foreach (var id in ids.Where(id => depth[id] < 0)) depth[id] = ++max;

        // Rows: a column's nodes ordered by the mean row of their predecessors (fewer crossings), then by document order.
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var row = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in depth.GroupBy(kv => kv.Value).OrderBy(g => g.Key))
        {
            var placed = column.Select(kv => kv.Key)
                .OrderBy(id => definition.Flows.Where(f => f.To == id && row.ContainsKey(f.From)).Select(f => (double)row[f.From]).DefaultIfEmpty(order[id]).Average())
                .ThenBy(id => order[id]).ToList();
            for (var i = 0; i < placed.Count; i++) row[placed[i]] = i;
        }
        var tallest = row.Values.DefaultIfEmpty(0).Max() + 1;
        return ids.ToDictionary(id => id, id =>
        {
            var inColumn = depth.Count(kv => kv.Value == depth[id]);
            // Centre short columns against the tallest one so the main line runs straight through the middle.
            var offset = (tallest - inColumn) * RowHeight / 2.0;
            return new Placement(definition.Nodes[id], depth[id], row[id],
                Margin + depth[id] * ColumnWidth + BoxWidth / 2.0, Margin + 20 + offset + row[id] * RowHeight + BoxHeight / 2.0);
        }, StringComparer.Ordinal);
    }

    public static string ToSvg(ProcessDefinition definition, bool chinese = true)
    {
        var at = Layout(definition);
        var back = BackEdges(definition);
        var width = Margin * 2 + (at.Values.Max(p => p.Column) + 1) * ColumnWidth - (ColumnWidth - BoxWidth);
        var height = at.Values.Max(p => p.Y) + BoxHeight / 2.0 + Margin + 20 + (back.Count > 0 ? 50 : 0);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" class="wf-diagram" width="{width}" height="{F(height)}" viewBox="0 0 {width} {F(height)}" font-family="'Noto Sans CJK SC','Microsoft YaHei',sans-serif" font-size="12" role="img" aria-label="{X(definition.Name)}">""");
        svg.Append("""<defs><marker id="wf-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#5a6b7d"/></marker></defs>""");
        foreach (var f in definition.Flows)
        {
            if (!at.TryGetValue(f.From, out var a) || !at.TryGetValue(f.To, out var b)) continue;
            var label = f.Outcome ?? (f.IsDefault ? (chinese ? "默认" : "default") : f.Condition is not null ? (chinese ? "条件" : "if") : null);
            var title = f.Condition?.ToJsonString();
            if (back.Contains(f))
            {
                var y = Math.Max(a.Y, b.Y) + BoxHeight / 2.0 + 36;
                svg.Append(CultureInfo.InvariantCulture, $"""<path class="wf-flow wf-back" data-from="{X(f.From)}" data-to="{X(f.To)}" d="M{F(a.X)},{F(a.Y + Half(a.Node).h)} C{F(a.X)},{F(y)} {F(b.X)},{F(y)} {F(b.X)},{F(b.Y + Half(b.Node).h)}" fill="none" stroke="#b25b00" stroke-dasharray="5 4" stroke-width="1.4" marker-end="url(#wf-arrow)"/>""");
                if (label is not null) Label(svg, (a.X + b.X) / 2, y - 4, label, title);
                continue;
            }
            if (b.Column - a.Column > 1 && at.Values.Any(p => p.Column > a.Column && p.Column < b.Column && Math.Abs(p.Y - (a.Y + b.Y) / 2) < RowHeight / 2.0))
            {
                // A flow that skips columns would run through the nodes between; it arcs over the top instead.
                var top = Margin - 4;
                svg.Append(CultureInfo.InvariantCulture, $"""<path class="wf-flow wf-skip-flow" data-from="{X(f.From)}" data-to="{X(f.To)}" d="M{F(a.X)},{F(a.Y - Half(a.Node).h)} C{F(a.X)},{F(top)} {F(b.X)},{F(top)} {F(b.X)},{F(b.Y - Half(b.Node).h)}" fill="none" stroke="#5a6b7d" stroke-width="1.4" marker-end="url(#wf-arrow)"/>""");
                if (label is not null) Label(svg, (a.X + b.X) / 2, top + (Math.Min(a.Y, b.Y) - Half(a.Node).h - top) / 4 + 6, label, title);
                continue;
            }
            var (x1, y1) = (a.X + Half(a.Node).w, a.Y);
            var (x2, y2) = (b.X - Half(b.Node).w, b.Y);
            var mid = (x1 + x2) / 2;
            var d = Math.Abs(y1 - y2) < 0.5 ? $"M{F(x1)},{F(y1)} L{F(x2)},{F(y2)}" : $"M{F(x1)},{F(y1)} C{F(mid)},{F(y1)} {F(mid)},{F(y2)} {F(x2)},{F(y2)}";
            svg.Append(CultureInfo.InvariantCulture, $"""<path class="wf-flow" data-from="{X(f.From)}" data-to="{X(f.To)}" d="{d}" fill="none" stroke="#5a6b7d" stroke-width="1.4" marker-end="url(#wf-arrow)"/>""");
            if (label is not null) Label(svg, mid, (y1 + y2) / 2 - 6, label, title);
        }
        foreach (var p in at.Values) Shape(svg, p, chinese);
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Shape(StringBuilder svg, Placement p, bool chinese)
    {
        var n = p.Node;
        var name = string.IsNullOrEmpty(n.Name) || n.Name == n.Id ? n.Id : n.Name;
        svg.Append(CultureInfo.InvariantCulture, $"""<g class="wf-node wf-{n.Type.ToString().ToLowerInvariant()}" data-id="{X(n.Id)}" data-column="{p.Column}" data-row="{p.Row}"><title>{X(n.Id)} ({n.Type})</title>""");
        switch (n.Type)
        {
            case NodeType.Start or NodeType.End:
                var end = n.Type == NodeType.End;
                svg.Append(CultureInfo.InvariantCulture, $"""<circle cx="{F(p.X)}" cy="{F(p.Y)}" r="{Circle}" fill="{(end ? "#fdf0ef" : "#e8f7ee")}" stroke="{(end ? "#b3261e" : "#1e7d45")}" stroke-width="{(end ? 3 : 1.6)}"/>""");
                Text(svg, p.X, p.Y + Circle + 15, name, "#33475b");
                break;
            case NodeType.ExclusiveGateway or NodeType.ParallelGateway:
                svg.Append(CultureInfo.InvariantCulture, $"""<polygon points="{F(p.X)},{F(p.Y - Diamond)} {F(p.X + Diamond)},{F(p.Y)} {F(p.X)},{F(p.Y + Diamond)} {F(p.X - Diamond)},{F(p.Y)}" fill="#fff8e1" stroke="#b27c00" stroke-width="1.6"/>""");
                svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(p.X)}" y="{F(p.Y + 6)}" text-anchor="middle" font-size="18" fill="#b27c00">{(n.Type == NodeType.ParallelGateway ? "+" : "×")}</text>""");
                Text(svg, p.X, p.Y + Diamond + 15, name, "#33475b");
                break;
            default:
                var (fill, stroke, kind) = n.Type switch
                {
                    NodeType.UserTask => ("#e8f1ff", "#1656c5", chinese ? "人工" : "user"),
                    NodeType.ServiceTask => ("#f1f5f9", "#5a6b7d", chinese ? "服务" : "service"),
                    _ => ("#f3e8ff", "#6b3fa0", chinese ? "子流程" : "call"),
                };
                svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{F(p.X - BoxWidth / 2.0)}" y="{F(p.Y - BoxHeight / 2.0)}" width="{BoxWidth}" height="{BoxHeight}" rx="8" fill="{fill}" stroke="{stroke}" stroke-width="{(n.Type == NodeType.CallActivity ? 3 : 1.6)}"/>""");
                svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(p.X - BoxWidth / 2.0 + 8)}" y="{F(p.Y - BoxHeight / 2.0 + 14)}" font-size="10" fill="{stroke}">{X(kind)}{(n.MultiInstance is not null ? " ≡" : "")}</text>""");
                Text(svg, p.X, p.Y + 6, name, "#1f2d3d", bold: true);
                break;
        }
        svg.Append("</g>");
    }

    private static (double w, double h) Half(Node n) => n.Type switch
    {
        NodeType.Start or NodeType.End => (Circle, Circle),
        NodeType.ExclusiveGateway or NodeType.ParallelGateway => (Diamond, Diamond),
        _ => (BoxWidth / 2.0, BoxHeight / 2.0),
    };

    /// <summary>Flows closing a cycle, found by depth-first search from the start (then from any node not reached).</summary>
    private static HashSet<Flow> BackEdges(ProcessDefinition definition)
    {
        var back = new HashSet<Flow>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        void Visit(string id)
        {
            state[id] = 1;
            foreach (var f in definition.Flows.Where(f => f.From == id))
            {
                var s = state.GetValueOrDefault(f.To);
                if (s == 1) back.Add(f);
                else if (s == 0 && definition.Nodes.ContainsKey(f.To)) Visit(f.To);
            }
            state[id] = 2;
        }
        Visit(definition.Start.Id);
        foreach (var id in definition.Nodes.Keys.Where(id => !state.ContainsKey(id))) Visit(id);
        return back;
    }

    private static void Label(StringBuilder svg, double x, double y, string text, string? title) =>
        svg.Append(CultureInfo.InvariantCulture, $"""<text class="wf-label" x="{F(x)}" y="{F(y)}" text-anchor="middle" font-size="11" fill="#8a5a00">{(title is null ? "" : "<title>" + X(title) + "</title>")}{X(Clip(text, 12))}</text>""");

    private static void Text(StringBuilder svg, double x, double y, string text, string colour, bool bold = false) =>
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(x)}" y="{F(y)}" text-anchor="middle" fill="{colour}"{(bold ? " font-weight=\"600\"" : "")}>{X(Clip(text, 9))}</text>""");

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string X(string s) => SecurityElement.Escape(s) ?? "";

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
