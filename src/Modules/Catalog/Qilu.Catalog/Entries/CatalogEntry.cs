using Qilu.Catalog.Contracts;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Entries;

/// <summary>
/// 数据目录 entry of one providing unit: a stable identity and code with numbered versions. At most one version is
/// published (what readers see) and at most one is being worked on (draft, submitted or rejected); editing a
/// published entry opens a new working version, so readers never see unreviewed text.
/// </summary>
internal sealed class CatalogEntry
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required string Code { get; init; }

    public required Guid ProviderUnitId { get; init; }

    public required string ProviderName { get; set; }

    /// <summary>提供方代码: the unit's 统一社会信用代码.</summary>
    public required string ProviderCode { get; set; }

    public required string ProviderDivisionCode { get; init; }

    /// <summary>Code of the provincial base-list item this entry was claimed from (认领), if any.</summary>
    public string? BaseItemCode { get; init; }

    public int? PublishedNumber { get; set; }

    public int? WorkingNumber { get; set; }

    public bool Withdrawn { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token; every change bumps it (clients send it back; stale → 409).</summary>
    public uint Version { get; set; }

    public List<EntryVersion> Versions { get; init; } = [];

    public EntryVersion? Published => PublishedNumber is { } n ? Versions.FirstOrDefault(v => v.Number == n) : null;

    public EntryVersion? Working => WorkingNumber is { } n ? Versions.FirstOrDefault(v => v.Number == n) : null;

    /// <summary>The version to edit: the working one (draft or rejected), or a new draft copied from the published one.</summary>
    public Result<EntryVersion> OpenForEdit(DateTimeOffset now)
    {
        if (Working is { } w)
        {
            if (w.Status == EntryStatus.Submitted)
                return Result<EntryVersion>.Failure(new Error("entry.under_review", "目录已提交审核，审核完成前不能修改",
                    "The entry is under review and cannot be edited until the review ends"), ErrorKind.Conflict);
            w.Status = EntryStatus.Draft;
            return w;
        }
        var source = Published ?? Versions.OrderByDescending(v => v.Number).First();
        var next = source.CopyAs(Versions.Max(v => v.Number) + 1, now);
        Versions.Add(next);
        WorkingNumber = next.Number;
        return next;
    }

    public Result<EntryVersion> Submit(string by, DateTimeOffset now)
    {
        if (Working is not { } w || w.Status is not (EntryStatus.Draft or EntryStatus.Rejected))
            return Conflict("entry.nothing_to_submit", "没有可提交的草稿", "There is no draft to submit");
        w.Status = EntryStatus.Submitted;
        w.SubmittedBy = by;
        w.SubmittedAt = now;
        w.ReviewComment = null;
        UpdatedAt = now;
        return w;
    }

    /// <summary>审核通过: the submitted version becomes the published one; the previous published version is superseded.</summary>
    public Result<EntryVersion> Approve(string by, string? comment, DateTimeOffset now)
    {
        if (Working is not { Status: EntryStatus.Submitted } w)
            return Conflict("entry.not_submitted", "目录不在待审核状态", "The entry is not awaiting review");
        if (Published is { } old) old.Status = EntryStatus.Superseded;
        w.Status = EntryStatus.Published;
        w.ReviewedBy = by;
        w.ReviewedAt = now;
        w.ReviewComment = comment;
        w.PublishedAt = now;
        PublishedNumber = w.Number;
        WorkingNumber = null;
        Withdrawn = false;
        UpdatedAt = now;
        return w;
    }

    public Result<EntryVersion> Reject(string by, string reason, DateTimeOffset now)
    {
        if (Working is not { Status: EntryStatus.Submitted } w)
            return Conflict("entry.not_submitted", "目录不在待审核状态", "The entry is not awaiting review");
        w.Status = EntryStatus.Rejected;
        w.ReviewedBy = by;
        w.ReviewedAt = now;
        w.ReviewComment = reason;
        UpdatedAt = now;
        return w;
    }

    /// <summary>下线: the published version stops being visible; a working version (if any) stays with the unit.</summary>
    public Result<EntryVersion> Withdraw(string reason, DateTimeOffset now)
    {
        if (Published is not { } p)
            return Conflict("entry.not_published", "目录未发布，无需下线", "The entry is not published");
        p.Status = EntryStatus.Withdrawn;
        p.WithdrawnAt = now;
        p.ReviewComment = reason;
        PublishedNumber = null;
        Withdrawn = true;
        UpdatedAt = now;
        return p;
    }

    private static Result<EntryVersion> Conflict(string code, string zh, string en) =>
        Result<EntryVersion>.Failure(new Error(code, zh, en), ErrorKind.Conflict);
}
