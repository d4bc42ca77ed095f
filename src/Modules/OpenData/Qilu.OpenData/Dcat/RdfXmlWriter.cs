using System.Text;
using System.Xml;

namespace Qilu.OpenData.Dcat;

/// <summary>RDF/XML (W3C RDF 1.1 XML Syntax): one <c>rdf:Description</c> per subject, typed and language-tagged literals.</summary>
internal static class RdfXmlWriter
{
    public const string MediaType = "application/rdf+xml";

    public static string Write(RdfGraph graph)
    {
        var sb = new StringBuilder();
        using (var xml = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rdf", "RDF", Ns.Rdf);
            foreach (var (prefix, iri) in Ns.Prefixes) xml.WriteAttributeString("xmlns", prefix, null, iri);
            foreach (var subject in graph.BySubject())
            {
                xml.WriteStartElement("rdf", "Description", Ns.Rdf);
                xml.WriteAttributeString("rdf", "about", Ns.Rdf, subject.Key);
                foreach (var t in subject)
                {
                    var (ns, local) = Split(t.Predicate);
                    xml.WriteStartElement(local, ns);
                    if (t.Object.IsIri) xml.WriteAttributeString("rdf", "resource", Ns.Rdf, t.Object.Value);
                    else
                    {
                        if (t.Object.Language is not null) xml.WriteAttributeString("xml", "lang", null, t.Object.Language);
                        if (t.Object.Datatype is not null) xml.WriteAttributeString("rdf", "datatype", Ns.Rdf, t.Object.Datatype);
                        xml.WriteString(t.Object.Value);
                    }
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        // StringBuilder output declares UTF-16; the response is UTF-8.
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static (string Ns, string Local) Split(string iri)
    {
        foreach (var (_, ns) in Ns.Prefixes)
            if (iri.StartsWith(ns, StringComparison.Ordinal)) return (ns, iri[ns.Length..]);
        var cut = Math.Max(iri.LastIndexOf('#'), iri.LastIndexOf('/')) + 1;
        return (iri[..cut], iri[cut..]);
    }
}
