using System.Text;
using Qilu.Catalog.Resources.Import;
using Shouldly;

namespace Qilu.Catalog.Tests.Resources;

/// <summary>
/// The CSV reader appends runs of ordinary characters at once (ADR 0016 addendum 3); what it yields must be what the
/// per-character state machine it replaced yielded, for every input: RFC 4180 cases and random inputs built from the
/// characters that drive the state machine, across the reader's 64 KiB buffer boundary.
/// </summary>
public sealed class CsvRowsTests
{
    private static async Task<List<string?[]>> ReadAsync(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bom) bytes = [0xEF, 0xBB, 0xBF, .. bytes];
        using var stream = new MemoryStream(bytes);
        var rows = new List<string?[]>();
        await foreach (var row in CsvRows.ReadAsync(stream, CancellationToken.None)) rows.Add(row);
        return rows;
    }

    /// <summary>The original per-character reader (before addendum 3), kept as the oracle.</summary>
    private static List<string?[]> Reference(string text)
    {
        var rows = new List<string?[]>();
        var fields = new List<string?>();
        var field = new StringBuilder();
        bool quoted = false, afterQuote = false, anyInRecord = false;
        var previous = '\0';
        foreach (var c in text)
        {
            if (quoted)
            {
                if (c == '"') { quoted = false; afterQuote = true; }
                else field.Append(c);
                previous = c;
                continue;
            }
            if (c == '"')
            {
                if (afterQuote) { field.Append('"'); quoted = true; afterQuote = false; }
                else if (field.Length == 0) quoted = true;
                else field.Append(c);
                anyInRecord = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                afterQuote = false;
                anyInRecord = true;
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\n' && previous == '\r') { previous = c; continue; }
                if (anyInRecord || field.Length > 0)
                {
                    fields.Add(field.ToString());
                    rows.Add([.. fields]);
                }
                fields.Clear();
                field.Clear();
                afterQuote = false;
                anyInRecord = false;
            }
            else
            {
                field.Append(c);
                afterQuote = false;
                anyInRecord = true;
            }
            previous = c;
        }
        if (anyInRecord || field.Length > 0)
        {
            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }
        return rows;
    }

    [Fact]
    public async Task ReadAsync_WhenRfc4180Cases_YieldsTheFields()
    {
        var rows = await ReadAsync("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"line\r\nbreak\",,x\"y\n\n张三,\"\"\rlast", bom: true);

        rows.Count.ShouldBe(4);
        rows[0].ShouldBe(["a", "b,c", "say \"hi\""]);
        rows[1].ShouldBe(["line\r\nbreak", "", "x\"y"]);
        rows[2].ShouldBe(["张三", ""]);
        rows[3].ShouldBe(["last"]);
    }

    [Fact]
    public async Task ReadAsync_WhenRandomInputsAcrossTheBufferBoundary_YieldsWhatThePerCharacterReaderYielded()
    {
        var random = new Random(4180);
        const string Alphabet = "ab中,,\"\"\r\n\n 1";
        for (var round = 0; round < 300; round++)
        {
            var length = round < 20 ? 70_000 + random.Next(70_000) : random.Next(0, 400);
            var sb = new StringBuilder(length);
            for (var i = 0; i < length; i++) sb.Append(Alphabet[random.Next(Alphabet.Length)]);
            var text = sb.ToString();

            var actual = await ReadAsync(text);
            var expected = Reference(text);

            actual.Count.ShouldBe(expected.Count, $"round {round}");
            for (var r = 0; r < expected.Count; r++) actual[r].ShouldBe(expected[r], $"round {round}, row {r}");
        }
    }
}
