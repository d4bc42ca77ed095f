namespace Qilu.Sharing.Contracts;

/// <summary>Permissions of the Sharing module (数据共享), named after its use cases.</summary>
public static class SharingPermissions
{
    /// <summary>Apply for a catalog resource on behalf of one's unit (供需对接申请) and read the unit's applications.</summary>
    public const string ApplicationsApply = "sharing.applications.apply";

    /// <summary>Conformity review of applications (合规性审核) by the big-data bureau's chief data officer.</summary>
    public const string ApplicationsReview = "sharing.applications.review";

    /// <summary>Approve or refuse applications for one's own unit's resources (提供方审批).</summary>
    public const string ApplicationsApprove = "sharing.applications.approve";

    /// <summary>Read grants of one's unit (as consumer or provider) or of the division (big-data bureau).</summary>
    public const string GrantsRead = "sharing.grants.read";

    /// <summary>Suspend, resume and revoke grants (provider unit or big-data bureau).</summary>
    public const string GrantsManage = "sharing.grants.manage";

    /// <summary>Read gateway usage (metering) of one's unit or division.</summary>
    public const string UsageRead = "sharing.usage.read";

    /// <summary>Post data needs (数据需求) and read the board.</summary>
    public const string NeedsPost = "sharing.needs.post";

    /// <summary>Answer data needs as a providing unit: reply, link to an entry or plan one.</summary>
    public const string NeedsAnswer = "sharing.needs.answer";

    /// <summary>数据直达基层: read the rows of one's own area from datasets granted to the unit's division for grassroots use.</summary>
    public const string GrassrootsRead = "sharing.grassroots.read";
}
