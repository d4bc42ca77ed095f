namespace Qilu.Platform.Audit;

/// <summary>How the audited action ended.</summary>
public enum AuditOutcome
{
    /// <summary>The action was carried out.</summary>
    Success,
    /// <summary>The action was attempted and failed (bad input, wrong password, downstream error).</summary>
    Failure,
    /// <summary>The action was refused by policy (missing permission, out of scope, rate limit).</summary>
    Denied,
}
