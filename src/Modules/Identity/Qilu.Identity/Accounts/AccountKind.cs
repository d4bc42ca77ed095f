namespace Qilu.Identity.Accounts;

/// <summary>Who an account belongs to.</summary>
internal enum AccountKind
{
    /// <summary>公职人员: acts for a department.</summary>
    Official = 1,
    /// <summary>自然人.</summary>
    Citizen = 2,
}

internal enum AccountStatus
{
    Active = 1,
    Disabled = 2,
}
