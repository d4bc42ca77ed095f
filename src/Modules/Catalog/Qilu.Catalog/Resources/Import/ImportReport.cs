namespace Qilu.Catalog.Resources.Import;

/// <summary>Outcome of an import: counts, the change-sequence range it produced, and the first rejections (all of them
/// are in the downloadable rejection report).</summary>
internal sealed record ImportReport(Guid Id, Guid ResourceId, string FileName, string Format, string Status, long RowsRead, long Inserted,
    long Updated, long Unchanged, long Deleted, long Rejected, long DuplicateKeys, long? FromSequence, long? ToSequence, string? Failure,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, IReadOnlyList<RejectionView> Rejections)
{
    public static ImportReport Of(TableImport i, IReadOnlyList<ImportRejection> rejections) => new(i.Id, i.ResourceId, i.FileName, i.Format, i.Status,
        i.RowsRead, i.Inserted, i.Updated, i.Unchanged, i.Deleted, i.Rejected, i.DuplicateKeys, i.FromSequence, i.ToSequence, i.Failure,
        i.StartedAt, i.FinishedAt, [.. rejections.Select(r => new RejectionView(r.RowNumber, r.Field, r.Code, r.Reason, r.ReasonEn))]);
}

/// <summary>One rejected row's reason.</summary>
internal sealed record RejectionView(long Row, string Field, string Code, string Reason, string ReasonEn);
