using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Qilu.Hotline.Categories;

namespace Qilu.Hotline.Open311;

/// <summary>
/// GET services.(xml|json) and services/{code}.(xml|json): the level-3 categories as Open311 services. Every service has
/// metadata: the 行政区划代码 (<c>attribute[division_code]</c>, required, since a Shandong ticket is dispatched by division)
/// and the urgency (optional).
/// </summary>
internal static class Open311Services
{
    public static IResult ListAsync(string format, HttpRequest request, CategoryCatalog categories, IOptions<Open311Options> options)
    {
        if (GeoReportApi.Check(format, request, options.Value) is { } error) return error;
        var items = categories.Leaves.Select(c => new O311()
            .With("service_code", c.Code).With("service_name", c.Name).With("description", categories.PathName(c.Code))
            .With("metadata", true).With("type", "realtime").With("keywords", c.Name).With("group", categories.GroupOf(c.Code)));
        return Open311Format.Write(format, "services", "service", items);
    }

    public static IResult DefinitionAsync(string code, string format, HttpRequest request, CategoryCatalog categories, IOptions<Open311Options> options)
    {
        if (GeoReportApi.Check(format, request, options.Value) is { } error) return error;
        if (categories.Find(code) is not { Level: 3 })
            return Open311Format.Errors(format, StatusCodes.Status404NotFound, $"service_code '{code}' is not a service of this endpoint");
        List<O311> attributes =
        [
            new O311().With("variable", true).With("code", "division_code").With("datatype", "string").With("required", true)
                .With("datatype_description", "GB/T 2260 行政区划代码, 6 or 9 digits, e.g. 370102").With("order", 1)
                .With("description", "事发地行政区划代码 / division code of the place").With("values", new List<O311>()),
            new O311().With("variable", true).With("code", "urgency").With("datatype", "singlevaluelist").With("required", false)
                .With("datatype_description", "").With("order", 2).With("description", "紧急程度 / urgency")
                .With("values", new List<O311>
                {
                    new O311().With("key", "normal").With("name", "一般"),
                    new O311().With("key", "urgent").With("name", "紧急"),
                    new O311().With("key", "critical").With("name", "特急"),
                }),
        ];
        return Open311Format.WriteOne(format, "service_definition", new O311().With("service_code", code).With("attributes", attributes));
    }
}
