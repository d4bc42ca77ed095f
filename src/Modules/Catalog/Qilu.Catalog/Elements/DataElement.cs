using Qilu.Catalog.Contracts;

namespace Qilu.Catalog.Elements;

/// <summary>
/// 数据元: one kind of datum with one definition, one format and one authoritative source unit (一数一源一标准).
/// Information items of catalog entries, form fields and imported columns bind to it.
/// </summary>
internal sealed class DataElement
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>Stable identifier (DE0001); never reused.</summary>
    public required string Identifier { get; init; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public string Definition { get; set; } = "";

    /// <summary>数据类型 (<see cref="ElementFormats.DataTypes"/>).</summary>
    public required string DataType { get; set; }

    /// <summary>Validation format (<see cref="ElementFormats.All"/>).</summary>
    public required string Format { get; set; }

    public string? Pattern { get; set; }

    public int? MaxLength { get; set; }

    /// <summary>值域 as <c>code=label</c> lines (kept as text: a few dozen codes at most).</summary>
    public string? CodeListText { get; set; }

    public string? Unit { get; set; }

    /// <summary>一数一源: Identity unit id of the authoritative source.</summary>
    public Guid? SourceUnitId { get; set; }

    public DataGrade DefaultGrade { get; set; } = DataGrade.L1;

    public string Version { get; set; } = "1.0";

    /// <summary>active, draft or retired.</summary>
    public string Status { get; set; } = "active";

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public uint RowVersion { get; set; }

    public IReadOnlyList<CodeItem> CodeList => ElementFormats.ParseCodeList(CodeListText);

    public DataElementInfo ToInfo() => new(Identifier, NameZh, NameEn, Definition, DataType, Format, Pattern, MaxLength, CodeList,
        Unit, SourceUnitId, DefaultGrade, Version, Status);
}
