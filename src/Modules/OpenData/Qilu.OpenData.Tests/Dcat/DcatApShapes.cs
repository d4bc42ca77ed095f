namespace Qilu.OpenData.Tests.Dcat;

/// <summary>
/// The mandatory part of the DCAT-AP 3.0 SHACL shapes (dcat-ap-SHACL.ttl, "Mandatory" properties) as a checker over
/// parsed triples, since no SHACL engine is available to the tests: Catalogue — dct:title, dct:description,
/// dct:publisher (a foaf:Agent), dcat:dataset pointing at dcat:Dataset nodes; Dataset — dct:title, dct:description;
/// Distribution — dcat:accessURL (an IRI); Agent — foaf:name. Plus the range rules the shapes give for what we emit:
/// dct:issued/dct:modified are xsd:dateTime, dcat:distribution points at dcat:Distribution nodes,
/// dct:publisher at foaf:Agent nodes, dcat:contactPoint at vcard:Kind subclasses.
/// </summary>
public static class DcatApShapes
{
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    private const string Dcat = "http://www.w3.org/ns/dcat#";
    private const string Dct = "http://purl.org/dc/terms/";
    private const string Foaf = "http://xmlns.com/foaf/0.1/";
    private const string Vcard = "http://www.w3.org/2006/vcard/ns#";

    public static IReadOnlyList<string> Violations(HashSet<ParsedTriple> g)
    {
        var errors = new List<string>();
        IEnumerable<string> Of(string cls) => g.Where(t => t.P == Rdf && t.O == "<" + cls + ">").Select(t => t.S).Distinct();
        IEnumerable<string> Values(string s, string p) => g.Where(t => t.S == s && t.P == p).Select(t => t.O);
        bool IsA(string iriTerm, string cls) => iriTerm.StartsWith('<') && g.Contains(new ParsedTriple(iriTerm[1..^1], Rdf, "<" + cls + ">"));
        void Require(string s, string p, string what, Func<string, bool>? ok = null, string? rule = null)
        {
            var values = Values(s, p).ToList();
            if (values.Count == 0) errors.Add($"{what} {s}: missing {p}");
            else if (ok is not null && values.Any(v => !ok(v))) errors.Add($"{what} {s}: {p} {rule}");
        }
        bool Literal(string o) => o.StartsWith('"');

        var catalogs = Of(Dcat + "Catalog").ToList();
        if (catalogs.Count == 0 && Of(Dcat + "Dataset").Any() == false) errors.Add("no dcat:Catalog or dcat:Dataset");
        foreach (var c in catalogs)
        {
            Require(c, Dct + "title", "Catalogue", Literal, "must be a literal");
            Require(c, Dct + "description", "Catalogue", Literal, "must be a literal");
            Require(c, Dct + "publisher", "Catalogue", o => IsA(o, Foaf + "Agent"), "must be a foaf:Agent");
            foreach (var d in Values(c, Dcat + "dataset")) if (!IsA(d, Dcat + "Dataset")) errors.Add($"Catalogue {c}: dcat:dataset {d} is not a dcat:Dataset");
        }
        foreach (var d in Of(Dcat + "Dataset"))
        {
            Require(d, Dct + "title", "Dataset", Literal, "must be a literal");
            Require(d, Dct + "description", "Dataset", Literal, "must be a literal");
            foreach (var p in new[] { Dct + "issued", Dct + "modified" })
                foreach (var v in Values(d, p))
                    if (!v.EndsWith("^^http://www.w3.org/2001/XMLSchema#dateTime", StringComparison.Ordinal)) errors.Add($"Dataset {d}: {p} must be xsd:dateTime");
            foreach (var v in Values(d, Dcat + "distribution")) if (!IsA(v, Dcat + "Distribution")) errors.Add($"Dataset {d}: {v} is not a dcat:Distribution");
            foreach (var v in Values(d, Dct + "publisher")) if (!IsA(v, Foaf + "Agent")) errors.Add($"Dataset {d}: publisher {v} is not a foaf:Agent");
            foreach (var v in Values(d, Dcat + "contactPoint"))
                if (!IsA(v, Vcard + "Organization") && !IsA(v, Vcard + "Individual") && !IsA(v, Vcard + "Kind")) errors.Add($"Dataset {d}: contact point {v} is not a vcard:Kind");
        }
        foreach (var x in Of(Dcat + "Distribution"))
            Require(x, Dcat + "accessURL", "Distribution", o => o.StartsWith('<'), "must be an IRI");
        foreach (var a in Of(Foaf + "Agent"))
            Require(a, Foaf + "name", "Agent", Literal, "must be a literal");
        return errors;
    }
}
