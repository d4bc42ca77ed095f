using System.Globalization;
using System.Runtime.CompilerServices;
using MiniExcelLibs;

namespace Qilu.Catalog.Resources.Import;

/// <summary>
/// Reads the first sheet of an XLSX row by row with MiniExcel's forward-only reader (the sheet XML is parsed as a
/// stream, not loaded). An XLSX is a zip whose directory sits at the end, so the caller passes a seekable stream (the
/// upload spooled to a temporary file, not to memory). Numbers and dates are rendered invariantly.
/// </summary>
internal static class XlsxRows
{
    public static async IAsyncEnumerable<string?[]> ReadAsync(Stream seekable, [EnumeratorCancellation] CancellationToken ct)
    {
        var width = 0;
        foreach (IDictionary<string, object?> row in seekable.Query(useHeaderRow: false))
        {
            ct.ThrowIfCancellationRequested();
            if (width == 0) width = row.Count;
            var values = new string?[Math.Max(width, row.Count)];
            var i = 0;
            foreach (var cell in row.Values)
            {
                if (i >= values.Length) break;
                values[i++] = cell switch
                {
                    null => null,
                    string s => s,
                    DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("s", CultureInfo.InvariantCulture),
                    double x => x.ToString("0.############", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var o => o.ToString(),
                };
            }
            if (values.All(v => string.IsNullOrEmpty(v))) continue;
            yield return values;
            await Task.CompletedTask;
        }
    }
}
