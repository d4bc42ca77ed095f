using Qilu.Catalog.Contracts;

namespace Qilu.Catalog.Entries;

/// <summary>
/// One version of a catalog entry with the national core metadata (GB/T 21063.3 / 政务信息资源目录编制指南) and its
/// grading. Provider and code are copied from the entry so that search reads one table.
/// </summary>
internal sealed class EntryVersion
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid EntryId { get; set; }

    public int Number { get; init; }

    public EntryStatus Status { get; set; } = EntryStatus.Draft;

    public string Code { get; set; } = "";

    public Guid ProviderUnitId { get; set; }

    public string ProviderName { get; set; } = "";

    public string ProviderDivisionCode { get; set; } = "";

    public string Name { get; set; } = "";

    public CatalogCategory Category { get; set; } = CatalogCategory.Department;

    public string? Theme { get; set; }

    public string Abstract { get; set; } = "";

    public ShareType ShareType { get; set; } = ShareType.Unconditional;

    public string? ShareCondition { get; set; }

    public string? LegalBasis { get; set; }

    /// <summary>共享方式 as comma-separated enum names (Api,File).</summary>
    public string ShareMethods { get; set; } = "";

    public OpenType OpenType { get; set; } = OpenType.NotOpen;

    public ResourceFormat Format { get; set; } = ResourceFormat.Database;

    public string UpdateCycle { get; set; } = "";

    /// <summary>关联信息系统.</summary>
    public string? InformationSystem { get; set; }

    public DataGrade? DeclaredGrade { get; set; }

    /// <summary>Entry grade: 就高从严 over items, declared grade and impact floor (recomputed on every save).</summary>
    public DataGrade Grade { get; set; } = DataGrade.L1;

    public string GradingFactorsJson { get; set; } = "{}";

    /// <summary>Name, abstract, theme and item names, for LIKE search until the Lucene engine takes over.</summary>
    public string SearchText { get; set; } = "";

    public string? SubmittedBy { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? ReviewComment { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public List<InformationItem> Items { get; init; } = [];

    public IReadOnlyList<ShareMethod> Methods =>
        [.. ShareMethods.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ShareMethod>)];

    public EntryVersion CopyAs(int number, DateTimeOffset now) => new()
    {
        EntryId = EntryId, Number = number, Status = EntryStatus.Draft, Code = Code, ProviderUnitId = ProviderUnitId,
        ProviderName = ProviderName, ProviderDivisionCode = ProviderDivisionCode, Name = Name, Category = Category, Theme = Theme,
        Abstract = Abstract, ShareType = ShareType, ShareCondition = ShareCondition, LegalBasis = LegalBasis, ShareMethods = ShareMethods,
        OpenType = OpenType, Format = Format, UpdateCycle = UpdateCycle, InformationSystem = InformationSystem,
        DeclaredGrade = DeclaredGrade, Grade = Grade, GradingFactorsJson = GradingFactorsJson, SearchText = SearchText, CreatedAt = now,
        Items = [.. Items.Select(i => new InformationItem { Seq = i.Seq, Name = i.Name, ElementIdentifier = i.ElementIdentifier, DataType = i.DataType, Grade = i.Grade, Remark = i.Remark })],
    };
}

/// <summary>信息项: one field of an entry, bound to a data element, with its own grade.</summary>
internal sealed class InformationItem
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid VersionId { get; set; }

    public int Seq { get; set; }

    public string Name { get; set; } = "";

    public string ElementIdentifier { get; set; } = "";

    public string DataType { get; set; } = "string";

    public DataGrade Grade { get; set; } = DataGrade.L1;

    public string? Remark { get; set; }
}
