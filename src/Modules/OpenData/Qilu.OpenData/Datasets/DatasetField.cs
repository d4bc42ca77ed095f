using System.Text.Json;
using System.Text.Json.Serialization;
using Qilu.Catalog.Contracts;

namespace Qilu.OpenData.Datasets;

/// <summary>What the publisher does with a field of the entry.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FieldTreatment>))]
internal enum FieldTreatment
{
    /// <summary>保留: published as it is.</summary>
    Keep = 1,

    /// <summary>移除: never leaves the platform.</summary>
    Remove = 2,

    /// <summary>聚合/泛化: dates to the year, division codes to the city (个人信息去标识化).</summary>
    Aggregate = 3,
}

/// <summary>A field of a dataset with its grade and treatment.</summary>
internal sealed record DatasetField(string Name, string Element, string DataType, DataGrade Grade, FieldTreatment Treatment)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Whether the public sees the field (kept or aggregated).</summary>
    public bool Visible => Treatment != FieldTreatment.Remove;

    public static IReadOnlyList<DatasetField> Parse(string json) => JsonSerializer.Deserialize<List<DatasetField>>(json, Json) ?? [];

    public static string ToJson(IEnumerable<DatasetField> fields) => JsonSerializer.Serialize(fields, Json);

    /// <summary>Whether a field of this type and element can be generalised: dates (to the year) and division codes (to the city).</summary>
    public static bool CanAggregate(string dataType, string element) =>
        dataType is "date" or "datetime" || element == DivisionElement;

    /// <summary>DE0009 行政区划代码 (the catalog's standard element).</summary>
    public const string DivisionElement = StandardElementIds.DivisionCode;

    /// <summary>The published form of a value of this field.</summary>
    public string? Publish(string? value)
    {
        if (value is null || Treatment != FieldTreatment.Aggregate) return value;
        if (Element == DivisionElement) return value.Length >= 4 ? value[..4] + "00" : value;
        return value.Length >= 4 ? value[..4] : value;
    }
}
