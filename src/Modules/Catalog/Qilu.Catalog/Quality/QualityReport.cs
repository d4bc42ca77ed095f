namespace Qilu.Catalog.Quality;

/// <summary>数据质量报告 of a mounted table.</summary>
/// <param name="ResourceId">The resource.</param>
/// <param name="Rows">Rows stored.</param>
/// <param name="Fields">Per field: completeness and validity.</param>
/// <param name="Timeliness">Last refresh against the entry's 更新周期.</param>
/// <param name="DuplicateKeys">Rows of the latest import whose key repeated an earlier row (rejected).</param>
/// <param name="LastImportRejected">Rows rejected by the latest import.</param>
/// <param name="Completeness">Filled cells ÷ all cells, over all fields.</param>
/// <param name="Validity">Valid values ÷ (stored values + values rejected by the latest import).</param>
/// <param name="ComputedAt">When.</param>
internal sealed record QualityReport(Guid ResourceId, long Rows, IReadOnlyList<FieldQuality> Fields, Timeliness Timeliness, long DuplicateKeys,
    long LastImportRejected, double Completeness, double Validity, DateTimeOffset ComputedAt);

/// <summary>Quality of one field.</summary>
/// <param name="Field">信息项.</param>
/// <param name="ElementIdentifier">Its data element.</param>
/// <param name="ElementName">The element's name.</param>
/// <param name="Filled">Rows with a value.</param>
/// <param name="Completeness">Filled ÷ rows.</param>
/// <param name="Invalid">Stored values that fail the element's current rules (the element may have changed since import).</param>
/// <param name="RejectedAtImport">Values of this field that made the latest import reject a row.</param>
/// <param name="Validity">Valid ÷ (filled + rejected at import).</param>
/// <param name="Encrypted">Encrypted at rest.</param>
internal sealed record FieldQuality(string Field, string ElementIdentifier, string ElementName, long Filled, double Completeness, long Invalid,
    long RejectedAtImport, double Validity, bool Encrypted);

/// <summary>及时性: the last refresh against the update cycle.</summary>
/// <param name="UpdateCycle">更新周期 as declared in the entry.</param>
/// <param name="CycleDays">The cycle in days, or null when irregular (not assessed).</param>
/// <param name="LastUpdated">Last successful import.</param>
/// <param name="DueBy">When the next refresh is due.</param>
/// <param name="Timely">Whether the data is within its cycle (null when not assessed).</param>
/// <param name="OverdueDays">Whole days past due.</param>
internal sealed record Timeliness(string UpdateCycle, int? CycleDays, DateTimeOffset? LastUpdated, DateTimeOffset? DueBy, bool? Timely, int OverdueDays)
{
    /// <summary>Days per 更新周期; 实时 data is expected at least daily. 不定期 and unknown values are not assessed.</summary>
    public static int? DaysOf(string cycle) => cycle.Trim() switch
    {
        "实时" or "每日" or "每天" or "日" => 1,
        "每周" or "周" => 7,
        "每旬" => 10,
        "每月" or "月" => 31,
        "每季度" or "每季" or "季度" => 92,
        "每半年" or "半年" => 183,
        "每年" or "年" => 366,
        _ => null,
    };
}
