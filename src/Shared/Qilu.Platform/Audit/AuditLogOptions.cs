namespace Qilu.Platform.Audit;

/// <summary>Settings of the audit log (<c>Qilu:Audit</c>).</summary>
public sealed class AuditLogOptions
{
    /// <summary>网络安全法 第二十一条: network logs are kept for no less than six months; 180 days is the floor.</summary>
    public const int MinimumRetentionDays = 180;

    /// <summary>Log identity, the first line of every checkpoint.</summary>
    public string Origin { get; set; } = "qilu.shandong.gov.cn/audit";

    /// <summary>Longest time between checkpoints while the tree grows (default 60 s).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Most records the writer commits in one transaction (group commit).</summary>
    public int BatchSize { get; set; } = 2048;

    /// <summary>Records that may wait for the writer before <c>AppendAsync</c> applies back-pressure.</summary>
    public int QueueCapacity { get; set; } = 65_536;

    /// <summary>Days entries stay online before the retention purge may remove them (default and minimum 180).</summary>
    public int RetentionDays { get; set; } = MinimumRetentionDays;

    /// <summary>How often the hosted service runs the retention purge; null disables it.</summary>
    public TimeSpan? RetentionPurgeInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Apply the audit migrations when the hosted service starts.</summary>
    public bool MigrateOnStart { get; set; } = true;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Origin) || Origin.Contains('\n', StringComparison.Ordinal))
            throw new ArgumentException("Audit origin must be one non-empty line.", nameof(Origin));
        if (CheckpointInterval <= TimeSpan.Zero || CheckpointInterval > TimeSpan.FromDays(1))
            throw new ArgumentOutOfRangeException(nameof(CheckpointInterval), CheckpointInterval, "Checkpoint interval must be positive and at most one day.");
        if (BatchSize is < 1 or > 100_000)
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "Batch size must be in [1, 100000].");
        if (QueueCapacity < BatchSize)
            throw new ArgumentOutOfRangeException(nameof(QueueCapacity), QueueCapacity, "Queue capacity must be at least the batch size.");
        if (RetentionDays < MinimumRetentionDays)
            throw new ArgumentOutOfRangeException(nameof(RetentionDays), RetentionDays,
                $"网络安全法第二十一条要求网络日志留存不少于六个月 / retention must be at least {MinimumRetentionDays} days.");
    }
}
