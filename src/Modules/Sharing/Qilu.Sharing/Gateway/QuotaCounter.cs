namespace Qilu.Sharing.Gateway;

/// <summary>
/// Calls counted against a grant: one row per China day (<see cref="Day"/> = yyyymmdd) and one for the total
/// (<see cref="Day"/> = 0). Incremented only by a conditional UPDATE (<c>used &lt; limit</c>), which the database
/// serialises per row: concurrent callers at the limit get exactly the limit, on every node.
/// </summary>
internal sealed class QuotaCounter
{
    public const int TotalDay = 0;

    public Guid GrantId { get; init; }
    public int Day { get; init; }
    public long Used { get; set; }
}
