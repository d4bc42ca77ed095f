namespace Qilu.Trust.Seals;

/// <summary>Seal lifecycle (印章生命周期): apply → approve → make → in use → suspend/resume → revoke.</summary>
internal enum SealStatus
{
    /// <summary>已申请, waiting for approval.</summary>
    Applied = 0,
    /// <summary>已批准, waiting to be made.</summary>
    Approved = 1,
    /// <summary>已制作: key, certificate and SESeal exist, not yet in use.</summary>
    Made = 2,
    /// <summary>在用: the only state that may sign.</summary>
    InUse = 3,
    /// <summary>已挂起 (temporarily stopped, e.g. reported lost); may resume.</summary>
    Suspended = 4,
    /// <summary>已注销: final.</summary>
    Revoked = 5,
    /// <summary>已驳回: application rejected, final.</summary>
    Rejected = 6,
}
