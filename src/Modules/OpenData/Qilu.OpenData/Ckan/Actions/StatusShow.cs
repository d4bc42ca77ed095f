using System.Text.Json.Nodes;

namespace Qilu.OpenData.Ckan;

/// <summary><c>status_show</c>: what the site is and which CKAN version its API follows.</summary>
internal static class StatusShow
{
    /// <summary>The CKAN release whose read API and dict shapes this implementation follows.</summary>
    public const string CkanVersion = "2.10.0";

    public static Task<object> RunAsync(CkanCall call)
    {
        call.Params.RejectUnknown();
        return Task.FromResult<object>(new JsonObject
        {
            ["site_title"] = "齐鲁公共数据开放",
            ["site_description"] = "山东省公共数据开放平台（齐鲁）：无条件开放与有条件开放的公共数据集、数据接口与 DCAT-AP 目录。",
            ["site_url"] = call.BaseUrl,
            ["ckan_version"] = CkanVersion,
            ["error_emails_to"] = null,
            ["locale_default"] = "zh_Hans_CN",
            ["extensions"] = new JsonArray("datastore", "dcat"),
        });
    }
}
