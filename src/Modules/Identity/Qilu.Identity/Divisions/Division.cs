namespace Qilu.Identity.Divisions;

/// <summary>A 行政区划 (administrative division): province, city, county, town. Codes per GB/T 2260 (and 9-digit town codes).</summary>
internal sealed class Division
{
    public required string Code { get; init; }

    public required string Name { get; set; }

    /// <summary>1 province, 2 city, 3 county, 4 town, 5 village.</summary>
    public required int Level { get; init; }

    public string? ParentCode { get; init; }

    /// <summary>False once abolished or merged (kept so history stays readable).</summary>
    public bool Active { get; set; } = true;
}
