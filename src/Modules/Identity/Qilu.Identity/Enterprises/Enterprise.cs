namespace Qilu.Identity.Enterprises;

/// <summary>A 法人 (legal person) known to the platform, with its legal representative's account.</summary>
internal sealed class Enterprise
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>统一社会信用代码 (validated, canonical).</summary>
    public required string CreditCode { get; init; }

    public required string Name { get; set; }

    public required string DivisionCode { get; set; }

    /// <summary>The legal representative's citizen account; they hold every delegation right.</summary>
    public Guid LegalRepresentativeId { get; set; }

    public DateTimeOffset RegisteredAt { get; init; }
}

/// <summary>
/// 经办人 delegation: the legal representative authorises a citizen account to act for the enterprise until revoked
/// or expired. Revocation takes effect at the agent's next token refresh or sign-in.
/// </summary>
internal sealed class Delegation
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid EnterpriseId { get; init; }

    public Guid AgentAccountId { get; init; }

    public required string GrantedBy { get; init; }

    public DateTimeOffset GrantedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
