using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Contracts;

namespace Qilu.Sharing.Gateway;

/// <summary>
/// GET /api/sharing/gateway/{grantId}/resources/{resourceId}/file: a 文件 resource of the grant's entry, as it was
/// mounted, under a grant that allows the 文件 share method. A file cannot be projected or masked field by field, so it
/// is released only when the grant releases every information item of the entry in clear (masking None — by the
/// grading policy only items graded L1–L2 can be); otherwise 403 <c>file.masking_required</c>, and the provider should
/// share the data as a table through the 接口 method instead. Charged, audited and metered like every gateway call; the
/// binding hash covers the file's bytes and <see cref="Contracts.GatewayProtocol.ContentSm3Header"/> carries its SM3.
/// </summary>
internal static class DownloadSharedFile
{
    public static void Map(IEndpointRouteBuilder gateway) => gateway.MapGet("/{grantId:guid}/resources/{resourceId:guid}/file", EndpointAsync)
        .WithName("GatewayDownloadFile").WithSummary("下载共享文件 / Download a shared file");

    private static Task<IResult> EndpointAsync(Guid grantId, Guid resourceId, HttpContext ctx, GatewayPipeline pipeline, IServiceProvider services) =>
        pipeline.RunAsync(ctx, grantId, "file", false, (r, ct) => HandleAsync(r, resourceId, services, ct));

    internal static async Task<(GatewayAnswer?, GatewayRefusal?)> HandleAsync(GatewayRequest request, Guid resourceId, IServiceProvider services, CancellationToken ct)
    {
        var rows = services.GetService<IResourceRows>();
        if (rows is null) return (null, new GatewayRefusal(503, new("gateway.rows_unavailable", "资源库服务未启用", "The resource store is not available")));
        var resource = await rows.FindResourceAsync(resourceId, ct);
        if (resource is null || resource.EntryId != request.Grant.EntryId || resource.Kind != ResourceKind.File)
            return (null, GatewayRefusal.NotFound("文件资源", "File resource"));
        var items = await services.GetRequiredService<ICatalogDirectory>().FieldGradesAsync(request.Grant.EntryId, ct);
        var granted = request.Grant.FieldList.ToHashSet(StringComparer.Ordinal);
        var masking = request.Grant.MaskingRules;
        var held = items.Where(i => !granted.Contains(i.Name) || masking.GetValueOrDefault(i.Name, MaskingRule.Redact) != MaskingRule.None).Select(i => i.Name).ToList();
        if (held.Count > 0)
            return (null, GatewayRefusal.Forbidden("file.masking_required", $"文件无法按信息项投影或脱敏，授权须以明文提供目录的全部信息项方可下载（未以明文授权：{string.Join("、", held)}）",
                $"A file cannot be projected or masked field by field: it is released only when the grant releases every item of the entry in clear (not in clear: {string.Join(", ", held)})"));
        if (await request.ChargeAsync(ct) is { } charged) return (null, charged);
        var file = await rows.ReadFileAsync(resourceId, ct);
        if (file is null) return (null, GatewayRefusal.NotFound("文件资源", "File resource"));
        return (new GatewayAnswer(new GatewayFile(file.Bytes, file.ContentType, file.FileName, file.Sm3Hash), 0, [.. items.Select(i => i.Name)], resourceId), null);
    }
}
