using System.Security.Cryptography;

namespace Qilu.Hotline.Classification;

/// <summary>Reads the CSV files shipped inside the assembly (Classification/Data/*.csv).</summary>
internal static class EmbeddedData
{
    public static byte[] ReadBytes(string fileName)
    {
        var assembly = typeof(EmbeddedData).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Data rows (header skipped, blank lines ignored), split on commas: the files never quote.</summary>
    public static List<string[]> ReadRows(byte[] utf8)
    {
        var rows = new List<string[]>();
        using var reader = new StreamReader(new MemoryStream(utf8), System.Text.Encoding.UTF8);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            line = line.TrimEnd('\r');
            if (line.Length > 0)
            {
                rows.Add(line.Split(','));
            }
        }

        return rows;
    }

    public static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
