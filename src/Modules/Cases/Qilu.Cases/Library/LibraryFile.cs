namespace Qilu.Cases.Library;

/// <summary>
/// A file in the applicant's materials library (过程材料共享共用): checked on upload (type by magic bytes, size,
/// structure), kept with a validity, and referenced by any number of cases while valid.
/// </summary>
internal sealed class LibraryFile
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string OwnerId { get; init; }
    public required string Name { get; init; }
    public string? MaterialName { get; init; }
    public required string ContentType { get; init; }
    public long Size { get; init; }
    public required string Sha256 { get; init; }
    public required byte[] Content { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
    public DateTimeOffset? ValidUntil { get; init; }
    public int UsedByCases { get; set; }
}
