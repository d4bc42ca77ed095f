using System.Text;

namespace Qilu.OpenData.Dcat;

/// <summary>Turtle (W3C RDF 1.1 Turtle): prefixes, one block per subject, escaped literals.</summary>
internal static class TurtleWriter
{
    public const string MediaType = "text/turtle";

    public static string Write(RdfGraph graph)
    {
        var sb = new StringBuilder();
        foreach (var (prefix, iri) in Ns.Prefixes) sb.Append("@prefix ").Append(prefix).Append(": <").Append(iri).Append("> .\n");
        foreach (var subject in graph.BySubject())
        {
            sb.Append('\n').Append(Iri(subject.Key));
            var first = true;
            foreach (var predicate in subject.GroupBy(t => t.Predicate, StringComparer.Ordinal))
            {
                sb.Append(first ? "\n    " : " ;\n    ");
                first = false;
                sb.Append(predicate.Key == Ns.Type ? "a" : Iri(predicate.Key)).Append(' ');
                sb.AppendJoin(" , ", predicate.Select(t => Term(t.Object)));
            }
            sb.Append(" .\n");
        }
        return sb.ToString();
    }

    private static string Term(RdfTerm t)
    {
        if (t.IsIri) return Iri(t.Value);
        var literal = "\"" + Escape(t.Value) + "\"";
        if (t.Language is not null) return literal + "@" + t.Language;
        if (t.Datatype is not null) return literal + "^^" + Iri(t.Datatype);
        return literal;
    }

    private static string Iri(string iri)
    {
        if (Ns.Compact(iri) is { } compact) return compact;
        var sb = new StringBuilder("<");
        foreach (var c in iri)
        {
            // Characters Turtle forbids inside IRIREF are written as UCHAR escapes.
            if (c <= ' ' || c is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\') sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else sb.Append(c);
        }
        return sb.Append('>').ToString();
    }

    private static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }
}
