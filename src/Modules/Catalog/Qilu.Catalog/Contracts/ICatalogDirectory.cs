namespace Qilu.Catalog.Contracts;

/// <summary>One code of a code list (值域), e.g. GB/T 2261.1 性别: 1 男性.</summary>
/// <param name="Code">The stored value.</param>
/// <param name="Label">Its meaning.</param>
public sealed record CodeItem(string Code, string Label);

/// <summary>A data element (数据元) as other modules see it.</summary>
/// <param name="Identifier">Stable identifier, e.g. <c>DE0001</c>.</param>
/// <param name="NameZh">Chinese name (公民身份号码).</param>
/// <param name="NameEn">English name.</param>
/// <param name="Definition">定义.</param>
/// <param name="DataType">数据类型: string, integer, decimal, date, datetime, boolean, code.</param>
/// <param name="Format">Validation format: text, pattern, code_list, id_number, credit_code, division_code, phone, email,
/// postal_code, date, integer, decimal, real_estate_unit.</param>
/// <param name="Pattern">Regular expression for <c>pattern</c> elements.</param>
/// <param name="MaxLength">Maximum length, if any.</param>
/// <param name="CodeList">值域 for <c>code_list</c> elements.</param>
/// <param name="Unit">计量单位, if any.</param>
/// <param name="SourceUnitId">一数一源: the unit (Identity unit id) that is the authoritative source.</param>
/// <param name="DefaultGrade">The least grade a field bound to this element may carry.</param>
/// <param name="Version">Version label (1.0).</param>
/// <param name="Status">active, draft or retired.</param>
public sealed record DataElementInfo(string Identifier, string NameZh, string NameEn, string Definition, string DataType, string Format,
    string? Pattern, int? MaxLength, IReadOnlyList<CodeItem> CodeList, string? Unit, Guid? SourceUnitId, DataGrade DefaultGrade,
    string Version, string Status);

/// <summary>A field (信息项) of a published entry with its grade and default masking.</summary>
/// <param name="Name">Field name as published.</param>
/// <param name="ElementIdentifier">The data element it is bound to.</param>
/// <param name="DataType">Data type.</param>
/// <param name="Grade">Field-level grade.</param>
/// <param name="Masking">Default masking at that grade (<see cref="GradePolicy.MaskingFor"/>).</param>
public sealed record InformationItemInfo(string Name, string ElementIdentifier, string DataType, DataGrade Grade, MaskingRule Masking);

/// <summary>The published version of a catalog entry (数据目录), as the Sharing module sees it.</summary>
/// <param name="Id">Stable entry id (survives new versions).</param>
/// <param name="Code">Catalog code.</param>
/// <param name="Name">名称.</param>
/// <param name="Category">分类.</param>
/// <param name="Theme">主题 (or base class), if any.</param>
/// <param name="ProviderUnitId">提供方 (Identity unit id).</param>
/// <param name="ProviderName">提供方名称.</param>
/// <param name="ProviderCode">提供方代码 (统一社会信用代码).</param>
/// <param name="ProviderDivisionCode">提供方行政区划.</param>
/// <param name="Abstract">摘要.</param>
/// <param name="ShareType">共享类型.</param>
/// <param name="ShareCondition">共享条件.</param>
/// <param name="LegalBasis">Cited legal basis for conditional or no sharing.</param>
/// <param name="ShareMethods">共享方式.</param>
/// <param name="OpenType">开放属性.</param>
/// <param name="Format">信息资源格式.</param>
/// <param name="UpdateCycle">更新周期.</param>
/// <param name="Grade">Entry grade (就高从严 over its fields).</param>
/// <param name="VersionNumber">Published version number.</param>
/// <param name="PublishedAt">发布日期.</param>
/// <param name="Items">信息项.</param>
public sealed record CatalogEntryInfo(Guid Id, string Code, string Name, CatalogCategory Category, string? Theme,
    Guid ProviderUnitId, string ProviderName, string ProviderCode, string ProviderDivisionCode, string Abstract,
    ShareType ShareType, string? ShareCondition, string? LegalBasis, IReadOnlyList<ShareMethod> ShareMethods, OpenType OpenType,
    ResourceFormat Format, string UpdateCycle, DataGrade Grade, int VersionNumber, DateTimeOffset? PublishedAt,
    IReadOnlyList<InformationItemInfo> Items);

/// <summary>
/// Read-only view of the catalog for other modules (Sharing, Forms, OpenData). Only published versions are visible
/// here; drafts never leave the module.
/// </summary>
public interface ICatalogDirectory
{
    /// <summary>The published version of the entry, or null (never published, or withdrawn).</summary>
    Task<CatalogEntryInfo?> FindPublishedEntryAsync(Guid entryId, CancellationToken ct = default);

    /// <summary>The published version of the entry with this catalog code, or null.</summary>
    Task<CatalogEntryInfo?> FindPublishedEntryByCodeAsync(string code, CancellationToken ct = default);

    /// <summary>The published entries of one providing unit, by code (for pickers and demo data).</summary>
    Task<IReadOnlyList<CatalogEntryInfo>> ListPublishedEntriesAsync(Guid providerUnitId, CancellationToken ct = default);

    /// <summary>Field grades of the published entry (name → grade), for masking; empty when not published.</summary>
    Task<IReadOnlyList<InformationItemInfo>> FieldGradesAsync(Guid entryId, CancellationToken ct = default);

    /// <summary>The active data element with this identifier, or null.</summary>
    Task<DataElementInfo?> FindElementAsync(string identifier, CancellationToken ct = default);

    /// <summary>All active data elements, by identifier.</summary>
    Task<IReadOnlyList<DataElementInfo>> ListElementsAsync(CancellationToken ct = default);
}
