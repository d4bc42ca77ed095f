using System.Text;
using Qilu.SharedKernel.Identifiers;
using Shouldly;

namespace Qilu.SharedKernel.Tests;

/// <summary>
/// Checks the Identity seed file src/Modules/Identity/Qilu.Identity/Seed/shandong-divisions.csv: codes are GB/T 2260
/// (county and above) and NBS 统计用区划代码 (towns, 2023 vintage); statistical-only units (7x development zones,
/// 4xx 类似乡级单位) are deliberately absent.
/// </summary>
public sealed class ShandongDivisionsCsvTests
{
    private sealed record Row(int Line, string Code, string Name, string Level, string Parent);

    private static readonly Lazy<(byte[] Bytes, IReadOnlyList<Row> Rows)> File = new(Load);

    [Fact]
    public void File_IsUtf8WithoutBomAndHasExpectedHeader()
    {
        var bytes = File.Value.Bytes;
        (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF).ShouldBeFalse("file starts with a BOM");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        text.Split('\n')[0].ShouldBe("code,name,level,parent");
        text.ShouldNotContain("\r");
    }

    [Fact]
    public void EveryCode_ParsesAsCanonicalDivisionCodeOfItsLevel()
    {
        foreach (var row in File.Value.Rows)
        {
            var parsed = DivisionCode.Parse(row.Code);
            parsed.IsSuccess.ShouldBeTrue($"line {row.Line}: {row.Code} {(parsed.IsSuccess ? "" : parsed.Error.ToString())}");
            parsed.Value.ToString().ShouldBe(row.Code, $"line {row.Line}: not canonical");
            Enum.Parse<DivisionLevel>(row.Level).ShouldBe(parsed.Value.Level, $"line {row.Line}: {row.Code}");
            row.Code.ShouldStartWith("37");
        }
    }

    [Fact]
    public void Codes_AreUnique()
    {
        var duplicates = File.Value.Rows.GroupBy(r => r.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        duplicates.ShouldBeEmpty();
    }

    [Fact]
    public void EveryParent_ExistsAndIsTheStructuralParent()
    {
        var codes = File.Value.Rows.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);

        foreach (var row in File.Value.Rows)
        {
            var expected = DivisionCode.Parse(row.Code).Value.Parent?.ToString() ?? "";
            row.Parent.ShouldBe(expected, $"line {row.Line}: {row.Code}");
            if (row.Parent.Length > 0) codes.ShouldContain(row.Parent, $"line {row.Line}: parent {row.Parent} missing");
        }
    }

    [Fact]
    public void Names_AreNonEmptyAndUniqueAmongSiblings()
    {
        foreach (var row in File.Value.Rows) row.Name.Trim().Length.ShouldBeGreaterThan(0, $"line {row.Line}");

        var clashes = File.Value.Rows.GroupBy(r => (r.Parent, r.Name)).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Parent}/{g.Key.Name}").ToList();

        clashes.ShouldBeEmpty();
    }

    [Fact]
    public void Shape_IsOneProvinceSixteenCitiesAndAllCounties()
    {
        var rows = File.Value.Rows;
        rows.Where(r => r.Level == nameof(DivisionLevel.Province)).Select(r => (r.Code, r.Name)).ShouldBe([("370000", "山东省")]);

        var cities = rows.Where(r => r.Level == nameof(DivisionLevel.City)).ToList();
        cities.Count.ShouldBe(16);
        cities.ShouldNotContain(c => c.Code == "371200", "莱芜 was merged into 济南 in 2019");
        cities.ShouldContain(c => c.Code == "370100" && c.Name == "济南市");
        cities.ShouldContain(c => c.Code == "370200" && c.Name == "青岛市");

        // Shandong has 136 county-level divisions (区、县级市、县) since 长岛县 joined 蓬莱区 in 2020.
        rows.Count(r => r.Level == nameof(DivisionLevel.County)).ShouldBe(136);
        rows.ShouldContain(r => r.Code == "370116" && r.Name == "莱芜区" && r.Parent == "370100");
        rows.ShouldContain(r => r.Code == "370117" && r.Name == "钢城区" && r.Parent == "370100");
        foreach (var city in cities) rows.ShouldContain(r => r.Parent == city.Code, $"{city.Name} has no counties");
    }

    [Fact]
    public void Towns_CoverAtLeastTwoDistrictsOfJinanAndQingdao()
    {
        var rows = File.Value.Rows;
        string[] districts = ["370102", "370103", "370202", "370203"];
        foreach (var d in districts) rows.Count(r => r.Parent == d).ShouldBeGreaterThan(5, d);
        rows.ShouldContain(r => r.Code == "370102001" && r.Name == "解放路街道");
    }

    private static (byte[], IReadOnlyList<Row>) Load()
    {
        var path = Path.Combine(RepositoryRoot(), "src", "Modules", "Identity", "Qilu.Identity", "Seed", "shandong-divisions.csv");
        var bytes = System.IO.File.ReadAllBytes(path);
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        var rows = new List<Row>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var fields = lines[i].Split(',');
            fields.Length.ShouldBe(4, $"line {i + 1}: '{lines[i]}'");
            rows.Add(new Row(i + 1, fields[0], fields[1], fields[2], fields[3]));
        }
        return (bytes, rows);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Qilu.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No Qilu.slnx above {AppContext.BaseDirectory}.");
    }
}
