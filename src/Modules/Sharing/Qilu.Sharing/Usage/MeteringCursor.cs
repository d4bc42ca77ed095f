namespace Qilu.Sharing.Usage;

/// <summary>
/// How far <see cref="MeteringProjector"/> has followed the audit log: every entry below <see cref="NextSequence"/>
/// has been examined and each gateway call among them has its metering record. One row; moved in the transaction that
/// writes the records, by compare-and-set, so two nodes never write the same records.
/// </summary>
internal sealed class MeteringCursor
{
    /// <summary>The id of the only row.</summary>
    public const int Only = 1;

    public int Id { get; init; } = Only;

    public long NextSequence { get; set; }
}
