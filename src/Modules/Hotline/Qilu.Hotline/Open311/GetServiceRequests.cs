using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qilu.Hotline.Categories;
using Qilu.Hotline.Data;
using Qilu.Hotline.Tickets;

namespace Qilu.Hotline.Open311;

/// <summary>
/// GET requests.(xml|json), requests/{id}.(xml|json) and tokens/{token}.(xml|json). Lists are public, as in Open311:
/// they never carry the caller, and 保密件 are left out of lists (looked up by number they show no description).
/// Defaults per the spec: the last 90 days, at most 1,000 requests; a window longer than 90 days is refused.
/// </summary>
internal static class GetServiceRequests
{
    public const int MaxResults = 1000;
    private static readonly TimeSpan MaxSpan = TimeSpan.FromDays(90);

    public static async Task<IResult> ListAsync(string format, HttpRequest request, HotlineDbContext db, CategoryCatalog categories,
        TimeProvider clock, IOptions<Open311Options> options)
    {
        if (GeoReportApi.Check(format, request, options.Value) is { } error) return error;
        var ct = request.HttpContext.RequestAborted;
        var q = request.Query;
        IQueryable<Ticket> tickets = db.Tickets.AsNoTracking();
        if (q["service_request_id"].FirstOrDefault() is { Length: > 0 } ids)
        {
            // The spec: a list of ids overrides every other filter.
            var list = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxResults).ToList();
            var found = await tickets.Where(t => list.Contains(t.Number)).ToListAsync(ct);
            return Write(format, found.OrderBy(t => list.IndexOf(t.Number)), categories);
        }
        var errors = new List<string>();
        var end = ParseDate(q["end_date"], "end_date", errors) ?? clock.GetUtcNow();
        var start = ParseDate(q["start_date"], "start_date", errors) ?? end - MaxSpan;
        if (errors.Count == 0 && start > end) errors.Add("start_date must not be after end_date");
        if (errors.Count == 0 && end - start > MaxSpan) errors.Add("the window from start_date to end_date may span at most 90 days");
        if (q["service_code"].FirstOrDefault() is { Length: > 0 } codes)
        {
            var list = codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var c in list.Where(c => categories.Find(c) is not { Level: 3 })) errors.Add($"service_code '{c}' is not a service of this endpoint");
            tickets = tickets.Where(t => list.Contains(t.CategoryCode));
        }
        if (q["status"].FirstOrDefault() is { Length: > 0 } status)
        {
            var wanted = status.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (wanted.Any(s => s is not ("open" or "closed"))) errors.Add($"status '{status}' must be open, closed or both");
            else if (wanted.Contains("open") != wanted.Contains("closed"))
                tickets = wanted.Contains("open") ? tickets.Where(t => t.Status != TicketStatus.Closed) : tickets.Where(t => t.Status == TicketStatus.Closed);
        }
        if (errors.Count > 0) return Open311Format.Errors(format, StatusCodes.Status400BadRequest, [.. errors]);
        var rows = await tickets.Where(t => !t.Confidential && t.CreatedAt >= start && t.CreatedAt <= end)
            .OrderByDescending(t => t.CreatedAt).Take(MaxResults).ToListAsync(ct);
        return Write(format, rows, categories);
    }

    public static async Task<IResult> OneAsync(string id, string format, HttpRequest request, HotlineDbContext db, CategoryCatalog categories, IOptions<Open311Options> options)
    {
        if (GeoReportApi.Check(format, request, options.Value) is { } error) return error;
        var t = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(x => x.Number == id, request.HttpContext.RequestAborted);
        if (t is null) return Open311Format.Errors(format, StatusCodes.Status404NotFound, $"service_request_id '{id}' was not found");
        return Write(format, [t], categories);
    }

    public static async Task<IResult> TokenAsync(string token, string format, HttpRequest request, HotlineDbContext db, IOptions<Open311Options> options)
    {
        if (GeoReportApi.Check(format, request, options.Value) is { } error) return error;
        var number = await db.Tickets.AsNoTracking().Where(x => x.Token == token).Select(x => x.Number).SingleOrDefaultAsync(request.HttpContext.RequestAborted);
        if (number is null) return Open311Format.Errors(format, StatusCodes.Status404NotFound, $"token '{token}' was not found");
        return Open311Format.Write(format, "service_requests", "request", [new O311().With("service_request_id", number).With("token", token)]);
    }

    private static DateTimeOffset? ParseDate(string? text, string name, List<string> errors)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)) return d.ToUniversalTime();
        errors.Add($"{name} '{text}' is not an ISO 8601 date-time (e.g. 2026-11-30T09:00:00+08:00)");
        return null;
    }

    private static IResult Write(string format, IEnumerable<Ticket> tickets, CategoryCatalog categories) =>
        Open311Format.Write(format, "service_requests", "request", tickets.Select(t => new O311()
            .With("service_request_id", t.Number)
            .With("status", t.Status == TicketStatus.Closed ? "closed" : "open")
            .With("status_notes", TicketStatuses.Zh(t.Status) + (t.Status == TicketStatus.Closed && t.Reply is { } r && !t.Confidential ? "：" + r : ""))
            .With("service_name", categories.Find(t.CategoryCode)?.Name ?? t.CategoryCode)
            .With("service_code", t.CategoryCode)
            .With("description", t.Confidential ? "（保密件）" : t.Content)
            .With("agency_responsible", t.LeadUnitName ?? "12345政务服务便民热线")
            .With("service_notice", "")
            .With("requested_datetime", Open311Format.Date(t.CreatedAt))
            .With("updated_datetime", Open311Format.Date(t.UpdatedAt))
            .With("expected_datetime", Open311Format.Date(t.DueAt))
            .With("address", t.Confidential ? "" : t.Address ?? "")
            .With("address_id", "")
            .With("zipcode", "")
            .With("lat", t.Confidential ? null : t.Latitude)
            .With("long", t.Confidential ? null : t.Longitude)
            .With("media_url", "")));
}
