using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Qilu.Hotline.Open311;

/// <summary>
/// Open311 GeoReport v2 at <c>/open311/v2/</c>: the six methods of the frozen spec in XML and JSON, so an existing
/// Open311 client (FixMyStreet, the SeeClickFix validator) works unchanged. Status codes as the spec says: 404
/// unknown resource or jurisdiction, 403 missing or invalid <c>api_key</c>, 400 everything else.
/// </summary>
internal static class GeoReportApi
{
    public const string Base = "/open311/v2";

    public static void Map(IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup(Base).WithTags("Open311 GeoReport v2").AllowAnonymous();
        g.MapGet("/services.{format}", Open311Services.ListAsync).WithName("Open311ServiceList").WithSummary("GET Service List");
        g.MapGet("/services/{code}.{format}", Open311Services.DefinitionAsync).WithName("Open311ServiceDefinition").WithSummary("GET Service Definition");
        g.MapPost("/requests.{format}", PostServiceRequest.HandleAsync).WithName("Open311PostRequest").WithSummary("POST Service Request")
            .DisableAntiforgery().Accepts<IFormCollection>("application/x-www-form-urlencoded");
        g.MapGet("/requests.{format}", GetServiceRequests.ListAsync).WithName("Open311GetRequests").WithSummary("GET Service Requests");
        g.MapGet("/requests/{id}.{format}", GetServiceRequests.OneAsync).WithName("Open311GetRequest").WithSummary("GET Service Request");
        g.MapGet("/tokens/{token}.{format}", GetServiceRequests.TokenAsync).WithName("Open311GetToken").WithSummary("GET request id from a token");
    }

    /// <summary>Null when the format and jurisdiction are acceptable, else the error response.</summary>
    public static IResult? Check(string format, HttpRequest request, Open311Options options)
    {
        if (!Open311Format.IsKnown(format)) return Open311Format.Errors("json", StatusCodes.Status400BadRequest, $"format '{format}' is not supported: use xml or json");
        string? jurisdiction = request.Query["jurisdiction_id"];
        if (string.IsNullOrEmpty(jurisdiction) && request.HasFormContentType) jurisdiction = request.Form["jurisdiction_id"];
        if (!string.IsNullOrEmpty(jurisdiction) && !string.Equals(jurisdiction, options.JurisdictionId, StringComparison.OrdinalIgnoreCase))
            return Open311Format.Errors(format, StatusCodes.Status404NotFound, $"jurisdiction_id '{jurisdiction}' is not served here (this endpoint serves {options.JurisdictionId})");
        return null;
    }
}

/// <summary>Open311 settings (<c>Qilu:Hotline:Open311</c>).</summary>
internal sealed class Open311Options
{
    /// <summary>The jurisdiction this endpoint serves; requests naming another are 404.</summary>
    public string JurisdictionId { get; set; } = "sd.gov.cn";
}
