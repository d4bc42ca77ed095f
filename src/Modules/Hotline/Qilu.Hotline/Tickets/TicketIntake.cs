using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Hotline.Categories;
using Qilu.Hotline.Classification;
using Qilu.Hotline.Data;
using Qilu.Identity.Contracts;
using Qilu.Platform.Audit;
using Qilu.Platform.Cryptography.Fields;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Identifiers;
using Qilu.SharedKernel.Masking;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Tickets;

/// <summary>What every channel hands over: the caller, the content, the place, the category and the urgency.</summary>
internal sealed record TicketInput(
    string? Channel, string? CallerName, string? CallerPhone, string? Content, string? DivisionCode, string? Address,
    double? Latitude, double? Longitude, string? CategoryCode, string? Urgency, bool Confidential);

/// <summary>
/// 受理: validates a ticket from any channel and stores it. Shared by the agent console, the portal form and Open311, so
/// the same input is accepted or refused the same way everywhere. The classifier's suggestion (when the classifier
/// is present) is kept with the ticket next to the category the agent confirmed.
/// </summary>
internal sealed class TicketIntake(HotlineDbContext db, CategoryCatalog categories, IOrganisationDirectory directory, IFieldProtector protector,
    IAuditWriter audit, TimeProvider clock, IServiceProvider services)
{
    public const int MaxContent = 4000;

    // Shandong with a margin: coordinates outside it are a typo or a swapped lat/long, not a Shandong street.
    private const double MinLat = 34.0, MaxLat = 38.6, MinLon = 114.5, MaxLon = 123.0;

    public async Task<Result<Ticket>> CreateAsync(Actor actor, TicketInput input, TicketChannel channel, bool requirePhone, CancellationToken ct)
    {
        var v = new Validation();
        var content = input.Content?.Trim();
        v.Required("content", content, "诉求内容").MaxLength("content", content, MaxContent, "诉求内容");
        var name = input.CallerName?.Trim();
        v.MaxLength("callerName", name, 50, "来电人姓名");
        PhoneNumber? phone = null;
        if (requirePhone || !string.IsNullOrWhiteSpace(input.CallerPhone)) phone = v.Parse("callerPhone", input.CallerPhone, PhoneNumber.Parse, "联系电话");
        var division = v.Parse("divisionCode", input.DivisionCode, DivisionCode.Parse, "行政区划");
        var address = input.Address?.Trim();
        v.MaxLength("address", address, 200, "地址");
        if (input.Latitude.HasValue != input.Longitude.HasValue)
            v.Add(new Error("coordinates.pair", "经纬度须同时填写", "latitude and longitude go together", input.Latitude.HasValue ? "longitude" : "latitude"));
        else if (input.Latitude is { } lat && input.Longitude is { } lon)
        {
            v.Rule(double.IsFinite(lat) && lat is >= MinLat and <= MaxLat, "latitude", "coordinates.range",
                $"纬度{lat}不在山东省范围内（{MinLat}–{MaxLat}）", $"latitude {lat} is outside Shandong ({MinLat}–{MaxLat})");
            v.Rule(double.IsFinite(lon) && lon is >= MinLon and <= MaxLon, "longitude", "coordinates.range",
                $"经度{lon}不在山东省范围内（{MinLon}–{MaxLon}）", $"longitude {lon} is outside Shandong ({MinLon}–{MaxLon})");
        }
        if (string.IsNullOrWhiteSpace(address) && input.Latitude is null)
            v.Add(new Error("location.required", "请填写地址或经纬度", "An address or coordinates are required", "address"));
        var urgency = TicketEnums.ParseUrgency(input.Urgency);
        if (urgency is null) v.Add(new Error("urgency.unknown", $"未知的紧急程度“{input.Urgency}”", $"Unknown urgency '{input.Urgency}'", "urgency"));

        ClassificationResult? suggestion = null;
        if (content is { Length: > 0 and <= MaxContent })
            suggestion = services.GetService<ITicketClassifier>()?.Classify(content);
        var categoryCode = string.IsNullOrWhiteSpace(input.CategoryCode) ? Top(suggestion)?.CategoryCode : input.CategoryCode.Trim();
        if (categoryCode is null) v.Add(new Error("required", "请选择诉求分类", "categoryCode is required", "categoryCode"));
        else if (categories.Find(categoryCode) is not { Level: 3 })
            v.Add(new Error("category.unknown", $"“{categoryCode}”不是三级诉求分类代码", $"'{categoryCode}' is not a level-3 category code", "categoryCode"));

        if (division is { } d)
        {
            if (await directory.FindDivisionAsync(d.ToString(), ct) is null)
                v.Add(new Error("division.unknown", $"行政区划“{d}”不存在", $"Division {d} does not exist", "divisionCode"));
            else if (actor.Kind == ActorKind.Official && !actor.CanSeeDivision(d.ToString()))
                v.Add(new Error("division.outside_scope", $"行政区划“{d}”不在您的受理范围内", $"Division {d} is outside your scope", "divisionCode"));
        }
        if (!v.IsValid) return v.Invalid<Ticket>();

        var now = clock.GetUtcNow();
        var ticket = new Ticket
        {
            Number = NewNumber(now),
            Channel = channel,
            CitizenId = actor.Kind is ActorKind.Citizen or ActorKind.EnterpriseAgent ? actor.SubjectId : null,
            Content = content!,
            DivisionCode = division!.Value.ToString(),
            Address = string.IsNullOrEmpty(address) ? null : address,
            Latitude = input.Latitude,
            Longitude = input.Longitude,
            CategoryCode = categoryCode!,
            Urgency = urgency!.Value,
            Confidential = input.Confidential,
            SuggestedCategory = Top(suggestion)?.CategoryCode,
            SuggestedConfidence = Top(suggestion)?.Confidence,
            SuggestionModel = suggestion?.ModelVersion,
            Status = TicketStatus.Accepted,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedById = actor.SubjectId.Length > 0 ? actor.SubjectId : "open311",
            CreatedByName = actor.DisplayName,
            Token = Guid.NewGuid().ToString("N"),
        };
        if (name is { Length: > 0 })
        {
            ticket.CallerNameProtected = protector.Protect(name);
            ticket.CallerNameMasked = Mask.Name(name);
        }
        if (phone is { } p)
        {
            ticket.CallerPhoneProtected = protector.Protect(p.ToString());
            ticket.CallerPhoneIndex = protector.BlindIndex(p.ToString(), "hotline.ticket.caller-phone");
            ticket.CallerPhoneMasked = p.Masked();
        }
        db.Tickets.Add(ticket);
        db.Entries.Add(new TicketEntry
        {
            TicketId = ticket.Id, At = now, Action = "accept", Title = "受理（" + TicketChannels.Zh(channel) + "）", ActorId = ticket.CreatedById,
            ActorName = actor.DisplayName, Note = null, Public = true,
        });
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEvent("hotline.ticket.accepted", "ticket", ticket.Number, "success", actor,
            new { channel = TicketChannels.Key(channel), category = ticket.CategoryCode, division = ticket.DivisionCode, confidential = ticket.Confidential }), ct);
        return ticket;
    }

    private static CategorySuggestion? Top(ClassificationResult? r) => r is { Suggestions.Count: > 0 } ? r.Suggestions[0] : null;

    /// <summary>工单编号: the date in China time and 12 random digits (a million a day collide about once; the unique index refuses that one) (read out on the phone, so digits only).</summary>
    private static string NewNumber(DateTimeOffset now)
    {
        var day = now.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return day + RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture)
            + RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
    }
}
