using Shouldly;

namespace Qilu.Hotline.Tests.Classification;

/// <summary>The shipped taxonomy is a three-level tree of 6-digit codes in the style of GB/T 39666.</summary>
public sealed class TaxonomyDataTests
{
    [Fact]
    public void Taxonomy_WhenLoadedFromResources_IsAThreeLevelTreeOfSixDigitCodes()
    {
        var rows = ReadCsv("taxonomy.csv");
        rows.Count.ShouldBeGreaterThan(50);
        var byCode = rows.ToDictionary(r => r[0]);
        foreach (var row in rows)
        {
            row[0].ShouldMatch("^[0-9]{6}$");
            var level = int.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture);
            level.ShouldBeInRange(1, 3);
            if (level > 1)
            {
                byCode.ShouldContainKey(row[3], $"parent of {row[0]}");
                int.Parse(byCode[row[3]][1], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(level - 1);
            }
        }
    }

    private static List<string[]> ReadCsv(string name)
    {
        var assembly = typeof(HotlineModule).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith(name, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        reader.ReadLine();
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                rows.Add(line.Split(','));
            }
        }

        return rows;
    }
}
