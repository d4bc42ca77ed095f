using Qilu.Identity.Divisions;
using Qilu.SharedKernel.Identifiers;

namespace Qilu.Identity.Seed;

/// <summary>Reads and writes the division tree as CSV (<c>code,name,level,parent</c>, UTF-8).</summary>
internal static class DivisionCsv
{
    public static Stream Embedded() =>
        typeof(DivisionCsv).Assembly.GetManifestResourceStream("Qilu.Identity.Seed.shandong-divisions.csv")
        ?? throw new InvalidOperationException("Embedded division list missing.");

    public static List<Division> Read(Stream stream)
    {
        using var reader = new StreamReader(stream);
        var result = new List<Division>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var f = line.Split(',');
            var level = Enum.Parse<DivisionLevel>(f[2]);
            result.Add(new Division { Code = f[0], Name = f[1], Level = (int)level, ParentCode = f[3].Length == 0 ? null : f[3] });
        }
        return result;
    }
}
