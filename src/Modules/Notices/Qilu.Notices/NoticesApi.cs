using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Notices.Notices;

namespace Qilu.Notices;

/// <summary>The module's HTTP API under <c>/api/notices</c>; each use case maps its own route.</summary>
internal static class NoticesApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/notices").WithTags("Notices 通知公告");
        ListNotices.Map(api);
        GetNotice.Map(api);
        CreateNotice.Map(api);
        UpdateNotice.Map(api);
        PublishNotice.Map(api);
        WithdrawNotice.Map(api);
        CorrectNotice.Map(api);
    }
}
