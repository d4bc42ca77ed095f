using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Contracts;

namespace Qilu.Sharing.Gateway;

/// <summary>
/// GET /api/sharing/gateway/{grantId}/resources/{resourceId}/keys/{key}?fields=a,b: one row by its key (公民身份号码,
/// 统一社会信用代码, 不动产单元号 …). The key is checked against its data element first (a malformed key is a 400 naming
/// the rule and is not charged); the row is read within the grant's row scope and returned projected and masked.
/// </summary>
internal static class QueryByKey
{
    public sealed record Response(Guid GrantId, Guid ResourceId, bool Found, Dictionary<string, string?>? Row, string? DivisionCode,
        DateTimeOffset? UpdatedAt, Dictionary<string, string> Masking);

    public static void Map(IEndpointRouteBuilder gateway) => gateway.MapGet("/{grantId:guid}/resources/{resourceId:guid}/keys/{key}", EndpointAsync)
        .WithName("GatewayQueryByKey").WithSummary("按主键查询 / Query by key").Produces<Response>();

    private static Task<IResult> EndpointAsync(Guid grantId, Guid resourceId, string key, string? fields, HttpContext ctx, GatewayPipeline pipeline,
        IServiceProvider services) =>
        pipeline.RunAsync(ctx, grantId, "key", false, (r, ct) => HandleAsync(r, resourceId, key, fields, services, ct));

    internal static async Task<(GatewayAnswer?, GatewayRefusal?)> HandleAsync(GatewayRequest request, Guid resourceId, string key, string? fields,
        IServiceProvider services, CancellationToken ct)
    {
        var (granted, refusal) = await GrantedResource.ResolveAsync(services, request.Grant, resourceId, fields, ct);
        if (granted is null) return (null, refusal);
        var resource = granted.Resource;
        var keyColumn = resource.Columns.FirstOrDefault(c => c.Field == resource.KeyField);
        if (keyColumn is null) return (null, GatewayRefusal.BadRequest("resource.no_key", "该资源不支持按主键查询", "The resource has no key field"));
        var valid = await services.GetRequiredService<IDataElementValidator>().ValidateAsync(keyColumn.ElementIdentifier, key, ct);
        if (!valid.IsSuccess)
        {
            var e = valid.Error;
            return (null, new GatewayRefusal(400, e with { Field = "key", Message = $"主键（{keyColumn.Field}）格式有误：{e.Message}", MessageEn = $"Malformed key ({keyColumn.Field}): {e.MessageEn}" }));
        }
        if (await request.ChargeAsync(ct) is { } charged) return (null, charged);
        var row = await GrantedResource.Rows(services).FindByKeyAsync(resourceId, valid.Value, granted.FieldNames, request.Grant.RowScope, ct);
        var body = new Response(request.Grant.Id, resourceId, row is not null, row is null ? null : granted.Mask(row), row?.DivisionCode, row?.UpdatedAt,
            granted.MaskingView());
        return (new GatewayAnswer(body, row is null ? 0 : 1, granted.FieldNames, resourceId), null);
    }
}
