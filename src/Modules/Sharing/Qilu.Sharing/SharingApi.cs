using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Platform.Auth;
using Qilu.Sharing.Applications;
using Qilu.Sharing.Gateway;
using Qilu.Sharing.Grants;
using Qilu.Sharing.Grassroots;
using Qilu.Sharing.Needs;
using Qilu.Sharing.Subscriptions;
using Qilu.Sharing.Usage;
using Qilu.Sharing.Verification;

namespace Qilu.Sharing;

/// <summary>
/// The module's HTTP API: <c>/api/sharing</c> for officials (applications, grants, usage, needs, grassroots) and
/// <c>/api/sharing/gateway</c> for consumer systems. Gateway endpoints authenticate inside the pipeline (not with an
/// endpoint filter) so that refusals too carry the binding hash and are audited and metered.
/// </summary>
internal static class SharingApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/sharing").WithTags("Sharing 数据共享");
        ApplyForResource.Map(api);
        ListApprovalInbox.Map(api);
        ListApplications.Map(api);
        ApproveApplication.Map(api);
        DraftGrantTerms.Map(api);
        RefuseApplication.Map(api);
        ListGrants.Map(api);
        ChangeGrantStatus.Map(api);
        BindGrantClients.Map(api);
        GetApprovalPolicy.Map(api);
        ChangeApprovalPolicy.Map(api);
        UsageDashboard.Map(api);
        PostNeed.Map(api);
        ListNeeds.Map(api);
        GetNeed.Map(api);
        NeedStatistics.Map(api);
        AnswerNeed.Map(api);
        CloseNeed.Map(api);
        ReadMyAreaRows.Map(api);
        CheckSignature.Map(api);

        // Called by consumer systems with client-credentials tokens only (BearerOnly: no other authentication is offered there).
        var gateway = routes.MapGroup("/api/sharing/gateway").WithTags("Sharing gateway 共享网关").DisableAntiforgery().BearerOnly();
        QueryByKey.Map(gateway);
        QueryRows.Map(gateway);
        CallApi.Map(gateway);
        DownloadSharedFile.Map(gateway);
        Verify.Map(gateway);
        Subscribe.Map(gateway);
        ListSubscriptions.Map(gateway);
        ChangeSubscriptionState.Map(gateway);
        ReadChangeFeed.Map(gateway);
    }
}
