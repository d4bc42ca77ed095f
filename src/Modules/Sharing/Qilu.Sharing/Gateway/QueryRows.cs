using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qilu.Catalog.Contracts;

namespace Qilu.Sharing.Gateway;

/// <summary>
/// GET /api/sharing/gateway/{grantId}/resources/{resourceId}/rows?fields=a,b&amp;filter.{field}=v&amp;limit=&amp;offset=: a
/// page of rows within the grant's row scope. Filters may only name fields the grant releases, not withheld ones
/// (filtering on a withheld field would leak it one guess at a time), and their values are checked against the
/// field's data element before the call is charged.
/// </summary>
internal static class QueryRows
{
    public sealed record Response(Guid GrantId, Guid ResourceId, IReadOnlyList<Row> Rows, long? Total, int Limit, long Offset,
        Dictionary<string, string> Masking);

    public sealed record Row(string? DivisionCode, DateTimeOffset UpdatedAt, Dictionary<string, string?> Values);

    public static void Map(IEndpointRouteBuilder gateway) => gateway.MapGet("/{grantId:guid}/resources/{resourceId:guid}/rows", EndpointAsync)
        .WithName("GatewayQueryRows").WithSummary("分页查询 / Paged row query").Produces<Response>();

    private static Task<IResult> EndpointAsync(Guid grantId, Guid resourceId, HttpContext ctx, GatewayPipeline pipeline, IServiceProvider services,
        IOptions<SharingOptions> options) =>
        pipeline.RunAsync(ctx, grantId, "rows", false, (r, ct) => HandleAsync(r, resourceId, r.Grant.RowScope, services, options.Value, ct));

    internal static async Task<(GatewayAnswer?, GatewayRefusal?)> HandleAsync(GatewayRequest request, Guid resourceId, string? rowScope,
        IServiceProvider services, SharingOptions options, CancellationToken ct)
    {
        var q = request.Query;
        var (granted, refusal) = await GrantedResource.ResolveAsync(services, request.Grant, resourceId, q["fields"], ct);
        if (granted is null) return (null, refusal);
        var limit = 50;
        if (q.TryGetValue("limit", out var l) && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > options.MaxPageSize))
            return (null, GatewayRefusal.BadRequest("limit.range", $"每页条数须为 1–{options.MaxPageSize}", $"limit must be 1–{options.MaxPageSize}", "limit"));
        long offset = 0;
        if (q.TryGetValue("offset", out var o) && (!long.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
            return (null, GatewayRefusal.BadRequest("offset.range", "偏移量须为非负整数", "offset must be a non-negative integer", "offset"));
        var grantedFields = request.Grant.FieldList.ToHashSet(StringComparer.Ordinal);
        var filters = new List<RowFilter>();
        foreach (var (name, values) in q.Where(p => p.Key.StartsWith("filter.", StringComparison.Ordinal)))
        {
            var field = name["filter.".Length..];
            if (granted.Resource.Columns.All(c => c.Field != field))
                return (null, GatewayRefusal.BadRequest("filter.unknown_field", $"筛选条件中的信息项不存在：{field}", $"Unknown filter field: {field}", name));
            if (!grantedFields.Contains(field))
                return (null, GatewayRefusal.Forbidden("filter.not_granted", $"不能按未授权的信息项筛选：{field}", $"Cannot filter on a field not granted: {field}", name));
            // A field the grant withholds entirely (Redact) answers nothing, so a filter on it must not either: matching
            // rows would confirm guessed values one call at a time.
            if (granted.Masking.GetValueOrDefault(field, MaskingRule.Redact) == MaskingRule.Redact)
                return (null, GatewayRefusal.Forbidden("filter.withheld", $"信息项“{field}”按授权不予提供，不能作为筛选条件", $"Field {field} is withheld by the grant and cannot be filtered on", name));
            var value = values.ToString();
            // Checked against the field's data element like a key (a malformed 公民身份号码 is a 400 naming the rule, not
            // an empty page charged to the quota); the canonical form is what is matched.
            var element = granted.Resource.Columns.First(c => c.Field == field).ElementIdentifier;
            if (!string.IsNullOrEmpty(element))
            {
                var valid = await services.GetRequiredService<IDataElementValidator>().ValidateAsync(element, value, ct);
                if (!valid.IsSuccess)
                {
                    var e = valid.Error;
                    return (null, new GatewayRefusal(400, e with { Field = name, Message = $"筛选条件（{field}）格式有误：{e.Message}", MessageEn = $"Malformed filter ({field}): {e.MessageEn}" }));
                }
                value = valid.Value;
            }
            filters.Add(new RowFilter(field, value));
        }
        if (await request.ChargeAsync(ct) is { } charged) return (null, charged);
        var page = await GrantedResource.Rows(services).QueryAsync(resourceId,
            new RowQuery(granted.FieldNames, filters, rowScope, limit, offset, q["total"] == "true"), ct);
        var rows = page.Rows.Select(r => new Row(r.DivisionCode, r.UpdatedAt, granted.Mask(r))).ToList();
        return (new GatewayAnswer(new Response(request.Grant.Id, resourceId, rows, page.Total, limit, offset, granted.MaskingView()), rows.Count,
            granted.FieldNames, resourceId), null);
    }
}
