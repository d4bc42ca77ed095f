using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qilu.OpenData.Dcat;

/// <summary>JSON-LD 1.1: a context of prefixes and a <c>@graph</c> of node objects with compact IRIs as keys.</summary>
internal static class JsonLdWriter
{
    public const string MediaType = "application/ld+json";

    public static string Write(RdfGraph graph)
    {
        var context = new JsonObject();
        foreach (var (prefix, iri) in Ns.Prefixes) context[prefix] = iri;
        var nodes = new JsonArray();
        foreach (var subject in graph.BySubject())
        {
            var node = new JsonObject { ["@id"] = subject.Key };
            var types = subject.Where(t => t.Predicate == Ns.Type).Select(t => (JsonNode)(Ns.Compact(t.Object.Value) ?? t.Object.Value)).ToArray();
            if (types.Length > 0) node["@type"] = new JsonArray(types);
            foreach (var predicate in subject.Where(t => t.Predicate != Ns.Type).GroupBy(t => t.Predicate, StringComparer.Ordinal))
                node[Ns.Compact(predicate.Key) ?? predicate.Key] = new JsonArray([.. predicate.Select(t => (JsonNode)Value(t.Object))]);
            nodes.Add(node);
        }
        return new JsonObject { ["@context"] = context, ["@graph"] = nodes }.ToJsonString(new JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }

    private static JsonObject Value(RdfTerm t)
    {
        if (t.IsIri) return new JsonObject { ["@id"] = t.Value };
        var value = new JsonObject { ["@value"] = t.Value };
        if (t.Language is not null) value["@language"] = t.Language;
        if (t.Datatype is not null) value["@type"] = Ns.Compact(t.Datatype) ?? t.Datatype;
        return value;
    }
}
