using System.Runtime.CompilerServices;
using System.Text;

namespace Qilu.Catalog.Resources.Import;

/// <summary>
/// Streaming RFC 4180 reader: quoted fields with doubled quotes and embedded line breaks, CRLF or LF, a UTF-8 BOM.
/// Reads through a fixed buffer, so memory does not grow with the file. Yields the header first.
/// </summary>
internal static class CsvRows
{
    private static readonly System.Buffers.SearchValues<char> Specials = System.Buffers.SearchValues.Create(",\r\n\"");

    /// <summary>Characters from <paramref name="start"/> before the next one the state machine must look at: a quote
    /// inside a quoted part, else a comma, quote or line break.</summary>
    private static int RunLength(char[] buffer, int start, int end, bool quoted)
    {
        var run = buffer.AsSpan(start, end - start);
        var length = quoted ? run.IndexOf('"') : run.IndexOfAny(Specials);
        return length < 0 ? run.Length : length;
    }

    public static async IAsyncEnumerable<string?[]> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var buffer = new char[1 << 16];
        var fields = new List<string?>(16);
        var field = new StringBuilder(64);
        var quoted = false;
        var afterQuote = false;
        var anyInRecord = false;
        int read;
        char previous = '\0';
        while ((read = await reader.ReadAsync(buffer.AsMemory(), ct)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                // Runs of ordinary characters are appended at once (a vectorised search for the next special character)
                // instead of one Append per character; the state they leave is what the per-character loop left.
                var length = RunLength(buffer, i, read, quoted);
                if (length > 0)
                {
                    field.Append(buffer, i, length);
                    previous = buffer[i + length - 1];
                    if (!quoted)
                    {
                        afterQuote = false;
                        anyInRecord = true;
                    }
                    i += length - 1;
                    continue;
                }
                var c = buffer[i];
                if (quoted)
                {
                    // c is the quote that ends the quoted part.
                    quoted = false;
                    afterQuote = true;
                    previous = c;
                    continue;
                }
                if (c == '"')
                {
                    // A quote right after a closing quote is an escaped quote ("" inside a quoted field).
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
                        yield return [.. fields];
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
        }
        if (anyInRecord || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return [.. fields];
        }
    }
}
