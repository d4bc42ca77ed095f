using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Qilu.Hotline.Tickets;
using Qilu.SharedKernel.Actors;

namespace Qilu.Hotline.Open311;

/// <summary>
/// POST requests.(xml|json): a service request from a client system with its <c>api_key</c>. The form fields map onto
/// the ticket (description → content, last_name+first_name → caller, phone, lat/long, address_string, attributes);
/// the same validation as every other channel applies. Answers the <c>service_request_id</c> (our 工单编号).
/// </summary>
internal static class PostServiceRequest
{
    public static async Task<IResult> HandleAsync(string format, HttpRequest request, Open311Keys keys, TicketIntake intake, IOptions<Open311Options> options)
    {
        if (GeoReportApi.Check(format, request, options.Value) is { } error) return error;
        var ct = request.HttpContext.RequestAborted;
        IFormCollection form = request.HasFormContentType ? await request.ReadFormAsync(ct) : FormCollection.Empty;
        string? Field(string name) => form[name].FirstOrDefault() is { Length: > 0 } v ? v : request.Query[name].FirstOrDefault() is { Length: > 0 } q ? q : null;

        var client = await keys.VerifyAsync(Field("api_key"), ct);
        if (client is null)
            return Open311Format.Errors(format, StatusCodes.Status403Forbidden, Field("api_key") is null ? "api_key is missing" : "api_key is invalid");
        var errors = new List<string>();
        var code = Field("service_code");
        if (code is null) errors.Add("service_code is required");
        double? lat = null, lon = null;
        if (Field("lat") is { } latText)
        {
            if (double.TryParse(latText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)) lat = v;
            else errors.Add($"lat '{latText}' is not a number");
        }
        if (Field("long") is { } lonText)
        {
            if (double.TryParse(lonText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)) lon = v;
            else errors.Add($"long '{lonText}' is not a number");
        }
        if (Field("address_string") is null && Field("address_id") is null && (lat is null || lon is null))
            errors.Add("a location is required: lat and long, address_string or address_id");
        if (errors.Count > 0) return Open311Format.Errors(format, StatusCodes.Status400BadRequest, [.. errors]);

        var name = string.Concat(Field("last_name"), Field("first_name"));
        var actor = new Actor(ActorKind.SystemClient, "open311:" + client, client, null, null, new HashSet<string>(), new HashSet<string>(), RealNameLevel.None);
        var input = new TicketInput("open311", name.Length == 0 ? null : name, Field("phone"), Field("description"), Field("attribute[division_code]"),
            Field("address_string") ?? Field("address_id"), lat, lon, code, Field("attribute[urgency]"), false);
        var created = await intake.CreateAsync(actor, input, TicketChannel.Open311, requirePhone: false, ct);
        if (!created.IsSuccess)
        {
            // The resource (/requests) exists, so a bad service_code is a bad parameter: 400, not 404.
            return Open311Format.Errors(format, StatusCodes.Status400BadRequest,
                [.. created.Errors.Select(e => $"{Open311Field(e.Field)}: {e.MessageEn}")]);
        }
        var t = created.Value;
        var item = new O311().With("service_request_id", t.Number).With("service_notice", $"已受理，工单编号 {t.Number}").With("account_id", null);
        return Open311Format.Write(format, "service_requests", "request", [item], StatusCodes.Status201Created);
    }

    private static string Open311Field(string? field) => field switch
    {
        "content" => "description",
        "categoryCode" => "service_code",
        "divisionCode" => "attribute[division_code]",
        "urgency" => "attribute[urgency]",
        "callerPhone" => "phone",
        "callerName" => "first_name/last_name",
        "latitude" => "lat",
        "longitude" => "long",
        "address" => "address_string",
        _ => field ?? "request",
    };
}
