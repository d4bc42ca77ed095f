using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Auditing;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Entries;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Resources;

/// <summary>GET /api/catalog/resources/{id}/file: the mounted file's bytes, for its own unit and the overseeing bureau
/// (other units receive files through the sharing gateway under a grant). Audited.</summary>
internal static class DownloadFile
{
    public sealed record FileContent(byte[] Bytes, string ContentType, string FileName, string Hash);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/resources/{id:guid}/file", async (Guid id, HttpContext ctx, ActorAccessor actors,
            CatalogDbContext db, IOrganisationDirectory directory, CatalogAudit audit) =>
        {
            var r = await HandleAsync(actors.FromContext(ctx), id, db, directory, audit, ctx.RequestAborted);
            if (!r.IsSuccess) return Problems.From(r);
            ctx.Response.Headers["X-Content-SM3"] = r.Value.Hash;
            return Results.File(r.Value.Bytes, r.Value.ContentType, r.Value.FileName);
        })
        .RequirePermission(CatalogPermissions.EntriesRead).WithName("DownloadCatalogFile").WithSummary("下载挂接文件 / Download the mounted file");

    internal static async Task<Result<FileContent>> HandleAsync(Actor actor, Guid id, CatalogDbContext db, IOrganisationDirectory directory, CatalogAudit audit, CancellationToken ct)
    {
        var unit = await EntryAccess.UnitOfAsync(actor, directory, ct);
        var resource = await ResourceAccess.ManagedOrOverseenAsync(db, actor, unit, id, false, ct);
        if (resource is not { Kind: ResourceKind.File }) return Outcomes.NotFound<FileContent>("文件资源", "File resource");
        var file = await db.ResourceFiles.AsNoTracking().FirstAsync(f => f.ResourceId == id, ct);
        await audit.WriteAsync("catalog.resources.file_read", "catalog_resource", id.ToString(), actor, new { resource.FileName, resource.FileHash }, ct);
        return new FileContent(file.Bytes, resource.ContentType ?? "application/octet-stream", resource.FileName ?? "file", resource.FileHash ?? "");
    }
}
