namespace Qilu.SharedKernel.Paging;

/// <summary>A page request: 1-based page number and a bounded size, so no caller can ask for an unbounded list.</summary>
public readonly record struct PageRequest(int Page = 1, int Size = 20)
{
    public const int MaxSize = 200;

    /// <summary>The request clamped into the allowed range.</summary>
    public PageRequest Normalized() => new(Math.Max(1, Page), Math.Clamp(Size, 1, MaxSize));

    public int Skip => (Normalized().Page - 1) * Normalized().Size;
}

/// <summary>One page of results (<c>Paged</c> because <c>Page</c> would clash with the property) with the total, for tables with paging.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int Size, long Total)
{
    public long PageCount => Size == 0 ? 0 : (Total + Size - 1) / Size;
}
