using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Catalog.BaseList;
using Qilu.Catalog.Elements;
using Qilu.Catalog.Entries;
using Qilu.Catalog.Search;
using Qilu.Catalog.Resources;
using Qilu.Catalog.Resources.Import;
using Qilu.Catalog.Quality;

namespace Qilu.Catalog;

/// <summary>The module's HTTP API under <c>/api/catalog</c>; each use case maps its own route.</summary>
internal static class CatalogApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/catalog").WithTags("Catalog 数据目录");
        ListElements.Map(api);
        SaveElement.Map(api);
        ValidateValue.Map(api);
        SearchCatalog.Map(api);
        GetEntry.Map(api);
        CreateEntry.Map(api);
        UpdateEntry.Map(api);
        SubmitEntry.Map(api);
        ApproveEntry.Map(api);
        RejectEntry.Map(api);
        WithdrawEntry.Map(api);
        ListMyEntries.Map(api);
        ListReviewInbox.Map(api);
        ListBaseList.Map(api);
        ClaimBaseItem.Map(api);
        MountTable.Map(api);
        MountApi.Map(api);
        MountFile.Map(api);
        ListResources.Map(api);
        ImportTable.Map(api);
        ListImports.Map(api);
        DownloadFile.Map(api);
        GetQualityReport.Map(api);
        RaiseObjection.Map(api);
        AnswerObjection.Map(api);
        ListObjections.Map(api);
    }
}
