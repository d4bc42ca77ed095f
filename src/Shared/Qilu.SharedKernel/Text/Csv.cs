using System.Globalization;

namespace Qilu.SharedKernel.Text;

/// <summary>CSV cells (RFC 4180) for the platform's exports.</summary>
public static class Csv
{
    /// <summary>
    /// One cell: quoted when it holds a comma, quote or line break. With <paramref name="forSpreadsheet"/>, a value that
    /// a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage
    /// return, and not a plain number) is prefixed with an apostrophe (OWASP's advice against CSV injection): exports
    /// people open in Excel or WPS need it; files for programs (CKAN's datastore dump) keep their values exactly.
    /// </summary>
    public static string Cell(string? value, bool forSpreadsheet = true)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (forSpreadsheet && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
