using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace Qilu.OpenData.Tests.Dcat;

/// <summary>A parsed triple; literals as <c>"text"@lang</c> or <c>"text"^^datatype</c>, IRIs as <c>&lt;iri&gt;</c>.</summary>
public sealed record ParsedTriple(string S, string P, string O);

/// <summary>
/// Independent readers of the three serialisations, written from the W3C grammars (no code shared with the writers):
/// Turtle (prefixes, IRIREF with UCHAR, prefixed names, 'a', string literals with ECHAR, language tags, datatypes,
/// ';' and ',' lists), RDF/XML (rdf:Description with rdf:about, rdf:resource, xml:lang, rdf:datatype) and JSON-LD
/// (context prefixes, @graph, @id, @type, value objects). The tests require all three to yield the same triples.
/// </summary>
public static class RdfParsers
{
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    public static HashSet<ParsedTriple> Turtle(string text)
    {
        var triples = new HashSet<ParsedTriple>();
        var prefixes = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        void Ws() { while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '#')) { if (text[i] == '#') while (i < text.Length && text[i] != '\n') i++; else i++; } }
        void Expect(char c) { Ws(); if (i >= text.Length || text[i] != c) throw new FormatException($"Turtle: expected '{c}' at {i}"); i++; }
        string Iri()
        {
            Ws();
            if (text[i] == '<')
            {
                var sb = new StringBuilder();
                i++;
                while (text[i] != '>')
                {
                    if (text[i] == '\\' && text[i + 1] == 'u') { sb.Append((char)int.Parse(text.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)); i += 6; continue; }
                    if (text[i] is ' ' or '"' or '<') throw new FormatException($"Turtle: bad IRI char at {i}");
                    sb.Append(text[i++]);
                }
                i++;
                return sb.ToString();
            }
            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is ':' or '_' or '-')) i++;
            var name = text[start..i];
            if (name == "a") return Rdf + "type";
            var colon = name.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || !prefixes.TryGetValue(name[..colon], out var ns)) throw new FormatException($"Turtle: unknown prefixed name '{name}' at {start}");
            return ns + name[(colon + 1)..];
        }
        string Obj()
        {
            Ws();
            if (text[i] != '"') return "<" + Iri() + ">";
            var sb = new StringBuilder();
            i++;
            while (text[i] != '"')
            {
                if (text[i] == '\n') throw new FormatException("Turtle: newline in short string");
                if (text[i] == '\\')
                {
                    sb.Append(text[i + 1] switch { 'n' => '\n', 'r' => '\r', 't' => '\t', '"' => '"', '\\' => '\\', _ => throw new FormatException("Turtle: bad escape") });
                    i += 2;
                    continue;
                }
                sb.Append(text[i++]);
            }
            i++;
            var literal = "\"" + sb + "\"";
            if (i < text.Length && text[i] == '@')
            {
                var start = ++i;
                while (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '-') i++;
                return literal + "@" + text[start..i];
            }
            if (i + 1 < text.Length && text[i] == '^' && text[i + 1] == '^') { i += 2; return literal + "^^" + Iri(); }
            return literal;
        }
        while (true)
        {
            Ws();
            if (i >= text.Length) break;
            if (text.AsSpan(i).StartsWith("@prefix"))
            {
                i += 7;
                Ws();
                var start = i;
                while (text[i] != ':') i++;
                var prefix = text[start..i];
                i++;
                prefixes[prefix] = Iri();
                Expect('.');
                continue;
            }
            var subject = Iri();
            while (true)
            {
                var predicate = Iri();
                while (true)
                {
                    triples.Add(new ParsedTriple(subject, predicate, Obj()));
                    Ws();
                    if (text[i] == ',') { i++; continue; }
                    break;
                }
                Ws();
                if (text[i] == ';') { i++; Ws(); if (text[i] == '.') break; continue; }
                break;
            }
            Expect('.');
        }
        return triples;
    }

    public static HashSet<ParsedTriple> RdfXml(string text)
    {
        var triples = new HashSet<ParsedTriple>();
        var doc = XDocument.Parse(text);
        XNamespace rdf = Rdf;
        if (doc.Root!.Name != rdf + "RDF") throw new FormatException("RDF/XML: root is not rdf:RDF");
        foreach (var node in doc.Root.Elements())
        {
            if (node.Name != rdf + "Description") throw new FormatException("RDF/XML: only rdf:Description nodes expected");
            var subject = (string?)node.Attribute(rdf + "about") ?? throw new FormatException("RDF/XML: node without rdf:about");
            foreach (var p in node.Elements())
            {
                var predicate = p.Name.NamespaceName + p.Name.LocalName;
                if (p.Attribute(rdf + "resource") is { } resource) { triples.Add(new ParsedTriple(subject, predicate, "<" + resource.Value + ">")); continue; }
                var literal = "\"" + p.Value + "\"";
                if (p.Attribute(XNamespace.Xml + "lang") is { } lang) literal += "@" + lang.Value;
                else if (p.Attribute(rdf + "datatype") is { } dt) literal += "^^" + dt.Value;
                triples.Add(new ParsedTriple(subject, predicate, literal));
            }
        }
        return triples;
    }

    public static HashSet<ParsedTriple> JsonLd(string text)
    {
        var triples = new HashSet<ParsedTriple>();
        using var doc = JsonDocument.Parse(text);
        var context = doc.RootElement.GetProperty("@context").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        string Expand(string term)
        {
            var colon = term.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && context.TryGetValue(term[..colon], out var ns) && !term[(colon + 1)..].StartsWith("//", StringComparison.Ordinal) ? ns + term[(colon + 1)..] : term;
        }
        foreach (var node in doc.RootElement.GetProperty("@graph").EnumerateArray())
        {
            var subject = node.GetProperty("@id").GetString()!;
            foreach (var p in node.EnumerateObject())
            {
                if (p.Name == "@id") continue;
                if (p.Name == "@type") { foreach (var t in p.Value.EnumerateArray()) triples.Add(new ParsedTriple(subject, Rdf + "type", "<" + Expand(t.GetString()!) + ">")); continue; }
                foreach (var v in p.Value.EnumerateArray())
                {
                    string o;
                    if (v.TryGetProperty("@id", out var id)) o = "<" + id.GetString() + ">";
                    else
                    {
                        o = "\"" + v.GetProperty("@value").GetString() + "\"";
                        if (v.TryGetProperty("@language", out var lang)) o += "@" + lang.GetString();
                        else if (v.TryGetProperty("@type", out var type)) o += "^^" + Expand(type.GetString()!);
                    }
                    triples.Add(new ParsedTriple(subject, Expand(p.Name), o));
                }
            }
        }
        return triples;
    }
}
