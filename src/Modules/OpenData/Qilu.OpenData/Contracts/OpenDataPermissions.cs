namespace Qilu.OpenData.Contracts;

/// <summary>Permissions of the OpenData module (公共数据开放). Browsing the portal, the CKAN Action API and the DCAT
/// catalog needs none: open data is public.</summary>
public static class OpenDataPermissions
{
    /// <summary>发布开放数据集: a data officer of the providing unit turns its published catalog entries into datasets.</summary>
    public const string Publish = "opendata.datasets.publish";

    /// <summary>审核有条件开放申请、答复需求征集与纠错, for the unit's own datasets.</summary>
    public const string Respond = "opendata.requests.respond";
}
