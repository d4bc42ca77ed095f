using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Matters.Bundles;
using Qilu.Matters.Catalog;
using Qilu.Matters.Packages;

namespace Qilu.Matters;

/// <summary>The module's HTTP API under <c>/api/matters</c>; each use case maps its own route.</summary>
internal static class MattersApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/matters").WithTags("Matters 政务服务事项");
        SearchMatters.Map(api);
        GetMatterGuide.Map(api);
        GetBundleGuide.Map(api);
        ListMatters.Map(api);
        GetMatter.Map(api);
        CreateStandardMatter.Map(api);
        CreateImplementation.Map(api);
        UpdateMatter.Map(api);
        Forms.CheckForm.Map(api);
        PublishMatter.Map(api);
        ListDeviations.Map(api);
        ExportMattersXlsx.Map(api);
        ImportMattersXlsx.Map(api);
        ListBundles.Map(api);
        GetBundle.Map(api);
        SaveBundle.Map(api);
        PublishBundle.Map(api);
        ExportMatterPackage.Map(api);
        ExportBundlePackage.Map(api);
        PreviewPackageImport.Map(api);
        ImportPackage.Map(api);
    }
}
