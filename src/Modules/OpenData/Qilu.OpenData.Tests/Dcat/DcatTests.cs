using System.Net;
using Shouldly;

namespace Qilu.OpenData.Tests.Dcat;

/// <summary>The DCAT-AP 3 catalog and dataset documents: the three syntaxes parse to the same graph, which meets the
/// mandatory DCAT-AP shapes; paging and modified_since; bad input.</summary>
public sealed class DcatTests(OpenDataFixture fixture) : IClassFixture<OpenDataFixture>
{
    private async Task<(string Ttl, string JsonLd, string Xml)> FetchAsync(string path, string query = "")
    {
        var client = fixture.Host.CreateClient();
        async Task<string> Get(string ext, string media)
        {
            var response = await client.GetAsync($"{path}.{ext}{query}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe(media);
            return await response.Content.ReadAsStringAsync();
        }
        return (await Get("ttl", "text/turtle"), await Get("jsonld", "application/ld+json"), await Get("rdf", "application/rdf+xml"));
    }

    // The Hydra page IRIs name the syntax asked for (catalog.ttl?page=1 vs catalog.jsonld?page=1); all else must match.
    private static List<ParsedTriple> Diff(HashSet<ParsedTriple> a, HashSet<ParsedTriple> b)
    {
        static ParsedTriple N(ParsedTriple t) => new(Page(t.S), t.P, Page(t.O));
        static string Page(string s) => s.Replace("catalog.jsonld?", "catalog.ttl?", StringComparison.Ordinal).Replace("catalog.rdf?", "catalog.ttl?", StringComparison.Ordinal);
        var x = a.Select(N).ToHashSet();
        var y = b.Select(N).ToHashSet();
        return [.. x.Except(y), .. y.Except(x)];
    }

    [Fact]
    public async Task Catalog_InThreeSyntaxes_ParsesToOneGraphThatMeetsDcatAp3()
    {
        var (ttl, jsonld, xml) = await FetchAsync("/catalog");
        var turtle = RdfParsers.Turtle(ttl);
        var fromJson = RdfParsers.JsonLd(jsonld);
        Diff(turtle, fromJson).ShouldBeEmpty("JSON-LD and Turtle differ");
        Diff(turtle, RdfParsers.RdfXml(xml)).ShouldBeEmpty("RDF/XML and Turtle differ");
        DcatApShapes.Violations(turtle).ShouldBeEmpty();
        turtle.ShouldContain(t => t.P == "http://purl.org/dc/terms/title" && t.O == "\"社会组织登记信息\"@zh");
        turtle.ShouldContain(t => t.P == "http://www.w3.org/ns/dcat#keyword" && t.O == "\"民政\"@zh");
        turtle.ShouldContain(t => t.P == "http://purl.org/dc/terms/accrualPeriodicity" && t.O == "<http://publications.europa.eu/resource/authority/frequency/WEEKLY>");
        turtle.ShouldContain(t => t.P == "http://www.w3.org/ns/dcat#downloadURL" && t.O.EndsWith("/download.xlsx>", StringComparison.Ordinal));
        turtle.ShouldContain(t => t.P == "http://www.w3.org/ns/hydra/core#totalItems" && t.O == "\"1\"^^http://www.w3.org/2001/XMLSchema#integer");
    }

    [Fact]
    public async Task Dataset_InThreeSyntaxes_MeetsDcatAp3()
    {
        var (ttl, jsonld, xml) = await FetchAsync("/opendata/datasets/" + fixture.DatasetName);
        var turtle = RdfParsers.Turtle(ttl);
        Diff(turtle, RdfParsers.JsonLd(jsonld)).ShouldBeEmpty();
        Diff(turtle, RdfParsers.RdfXml(xml)).ShouldBeEmpty();
        DcatApShapes.Violations(turtle).ShouldBeEmpty();
        turtle.Count(t => t.P == "http://www.w3.org/ns/dcat#distribution").ShouldBe(3);
    }

    [Fact]
    public void Shapes_WhenMandatoryPropertiesMissing_ReportViolations()
    {
        var broken = RdfParsers.Turtle("""
            @prefix dcat: <http://www.w3.org/ns/dcat#> .
            @prefix dct: <http://purl.org/dc/terms/> .
            <http://x/c> a dcat:Catalog ; dct:title "c"@zh ; dcat:dataset <http://x/d> .
            <http://x/d> a dcat:Dataset ; dct:title "d"@zh ; dcat:distribution <http://x/r> .
            <http://x/r> a dcat:Distribution .
            """);
        var violations = DcatApShapes.Violations(broken);
        violations.ShouldContain(v => v.Contains("Catalogue http://x/c: missing http://purl.org/dc/terms/description", StringComparison.Ordinal));
        violations.ShouldContain(v => v.Contains("missing http://purl.org/dc/terms/publisher", StringComparison.Ordinal));
        violations.ShouldContain(v => v.Contains("Dataset http://x/d: missing http://purl.org/dc/terms/description", StringComparison.Ordinal));
        violations.ShouldContain(v => v.Contains("Distribution http://x/r: missing http://www.w3.org/ns/dcat#accessURL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Catalog_WithModifiedSinceAndPaging_FiltersAndRefusesBadInput()
    {
        var client = fixture.Host.CreateClient();
        var future = Uri.EscapeDataString("2999-01-01T00:00:00Z");
        var later = RdfParsers.Turtle(await client.GetStringAsync("/catalog.ttl?modified_since=" + future));
        later.ShouldNotContain(t => t.O == "<http://www.w3.org/ns/dcat#Dataset>");
        (await client.GetAsync("/catalog.ttl?page=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/catalog.ttl?page=abc")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/catalog.ttl?modified_since=yesterday")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/catalog.ttl?page=99")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/opendata/datasets/no-such.ttl")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
