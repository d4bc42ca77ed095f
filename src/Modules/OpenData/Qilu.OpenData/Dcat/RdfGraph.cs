namespace Qilu.OpenData.Dcat;

/// <summary>An RDF term: an IRI, or a literal with an optional language tag or datatype IRI.</summary>
internal sealed record RdfTerm(string Value, bool IsIri, string? Language = null, string? Datatype = null)
{
    public static RdfTerm Iri(string iri) => new(iri, true);

    public static RdfTerm Text(string text, string? language = "zh") => new(text, false, language);

    public static RdfTerm Typed(string text, string datatype) => new(text, false, null, datatype);
}

/// <summary>A triple.</summary>
internal sealed record Triple(string Subject, string Predicate, RdfTerm Object);

/// <summary>
/// A small RDF graph in insertion order, grouped by subject for the writers. Only IRIs name nodes (no blank nodes), so
/// the three serialisations are trivially comparable and every node can be dereferenced.
/// </summary>
internal sealed class RdfGraph
{
    private readonly List<Triple> _triples = [];

    public IReadOnlyList<Triple> Triples => _triples;

    public RdfGraph Add(string subject, string predicate, RdfTerm obj)
    {
        _triples.Add(new Triple(subject, predicate, obj));
        return this;
    }

    public RdfGraph Add(string subject, string predicate, string iri) => Add(subject, predicate, RdfTerm.Iri(iri));

    public IEnumerable<IGrouping<string, Triple>> BySubject() => _triples.GroupBy(t => t.Subject, StringComparer.Ordinal);
}

/// <summary>The vocabularies DCAT-AP 3 uses, with the prefixes every serialisation declares.</summary>
internal static class Ns
{
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Rdfs = "http://www.w3.org/2000/01/rdf-schema#";
    public const string Xsd = "http://www.w3.org/2001/XMLSchema#";
    public const string Dcat = "http://www.w3.org/ns/dcat#";
    public const string Dct = "http://purl.org/dc/terms/";
    public const string Foaf = "http://xmlns.com/foaf/0.1/";
    public const string Vcard = "http://www.w3.org/2006/vcard/ns#";
    public const string Skos = "http://www.w3.org/2004/02/skos/core#";
    public const string Hydra = "http://www.w3.org/ns/hydra/core#";
    public const string Adms = "http://www.w3.org/ns/adms#";

    public const string Type = Rdf + "type";

    public static readonly IReadOnlyList<(string Prefix, string Iri)> Prefixes =
    [
        ("rdf", Rdf), ("rdfs", Rdfs), ("xsd", Xsd), ("dcat", Dcat), ("dct", Dct), ("foaf", Foaf), ("vcard", Vcard), ("skos", Skos), ("hydra", Hydra), ("adms", Adms),
    ];

    /// <summary>prefix:local when the IRI is in a declared namespace and the local part is a safe name, else null.</summary>
    public static string? Compact(string iri)
    {
        foreach (var (prefix, ns) in Prefixes)
        {
            if (!iri.StartsWith(ns, StringComparison.Ordinal)) continue;
            var local = iri[ns.Length..];
            if (local.Length > 0 && char.IsAsciiLetter(local[0]) && local.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')) return prefix + ":" + local;
        }
        return null;
    }
}
