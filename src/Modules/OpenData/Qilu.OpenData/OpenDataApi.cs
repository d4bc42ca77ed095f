using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.OpenData.Ckan;
using Qilu.OpenData.Datasets;

namespace Qilu.OpenData;

/// <summary>The module's HTTP surface: the CKAN Action API, the DCAT catalog, downloads and the module's own API.</summary>
internal static class OpenDataApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        CkanApi.Map(routes);
        Dcat.DcatEndpoints.Map(routes);
        Rows.DownloadResource.Map(routes);
        var api = routes.MapGroup("/api/opendata").WithTags("OpenData");
        PublishDataset.Map(api);
        Access.ApplyForAccess.Map(api);
        Access.DecideApplication.Map(api);
        Access.IssueApiKey.Map(api);
        Access.ReportUse.Map(api);
        Feedback.ListMyFeedback.Map(api);
        Access.ListApplications.Map(api);
        Feedback.SubmitDataRequest.Map(api);
        Feedback.SubmitCorrection.Map(api);
        Feedback.AnswerFeedback.Map(api);
    }
}
