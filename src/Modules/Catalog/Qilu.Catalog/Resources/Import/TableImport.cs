namespace Qilu.Catalog.Resources.Import;

/// <summary>One import (or re-import) of a file into a mounted table, with its counts.</summary>
internal sealed class TableImport
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid ResourceId { get; init; }

    public string FileName { get; init; } = "";

    public string Format { get; init; } = "";

    public bool DeleteMissing { get; init; }

    public string Status { get; set; } = ImportStatus.Running;

    public long RowsRead { get; set; }

    public long Inserted { get; set; }

    public long Updated { get; set; }

    public long Unchanged { get; set; }

    public long Deleted { get; set; }

    public long Rejected { get; set; }

    public long DuplicateKeys { get; set; }

    public long? FromSequence { get; set; }

    public long? ToSequence { get; set; }

    /// <summary>Why the import failed as a whole (bad header, unreadable file), if it did.</summary>
    public string? Failure { get; set; }

    public string StartedBy { get; init; } = "";

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>States of an import.</summary>
internal static class ImportStatus
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}

/// <summary>A rejected row: row number (1 = first data row after the header), field, rule and reason. The value itself
/// is not kept: it may be personal data, and the uploader has the file.</summary>
internal sealed class ImportRejection
{
    public long Id { get; set; }

    public Guid ImportId { get; set; }

    public long RowNumber { get; set; }

    public string Field { get; set; } = "";

    public string Code { get; set; } = "";

    public string Reason { get; set; } = "";

    public string ReasonEn { get; set; } = "";
}
