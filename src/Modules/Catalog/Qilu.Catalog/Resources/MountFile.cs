using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Catalog.Auditing;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Entries;
using Qilu.Platform.Auth;
using Qilu.Platform.Cryptography;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Resources;

/// <summary>
/// POST /api/catalog/entries/{entryId}/resources/file?name=&amp;fileName=: mounts a 文件 (request body = the bytes,
/// Content-Type kept), with its size and SM3 hash. Files are capped at <see cref="MaxBytes"/>.
/// </summary>
internal static class MountFile
{
    public const long MaxBytes = 50L * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/entries/{entryId:guid}/resources/file", EndpointAsync)
        .RequirePermission(CatalogPermissions.ResourcesManage)
        .WithName("MountCatalogFile").WithSummary("挂接文件 / Mount a file").Produces<ResourceView>(201).ProducesValidationProblem();

    private static async Task<IResult> EndpointAsync(Guid entryId, string? name, string? fileName, HttpContext ctx, ActorAccessor actors, CatalogDbContext db,
        TimeProvider clock, CatalogAudit audit) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), entryId, name, fileName, ctx.Request.ContentType, ctx.Request.Body, db, clock, audit, ctx.RequestAborted),
            r => $"/api/catalog/resources/{r.Id}");

    internal static async Task<Result<ResourceView>> HandleAsync(Actor actor, Guid entryId, string? name, string? fileName, string? contentType, Stream body,
        CatalogDbContext db, TimeProvider clock, CatalogAudit audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (Outcomes.Lacks(actor, CatalogPermissions.ResourcesManage) is { } denied) return Outcomes.Denied<ResourceView>(denied);
        var entry = await EntryAccess.FindEditableAsync(db, actor, entryId, ct);
        if (entry is null) return Outcomes.NotFound<ResourceView>("目录", "Catalog entry");
        fileName = Path.GetFileName(fileName?.Trim() ?? "");
        if (string.IsNullOrEmpty(fileName) || fileName.Length > 255)
            return Outcomes.Invalid<ResourceView>("file.name_required", "须给出文件名（不超过255字）", "A file name is required (at most 255 characters)", "fileName");
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                return Outcomes.Invalid<ResourceView>("file.too_large", $"文件不能超过 {MaxBytes / 1024 / 1024} MB", $"The file must be at most {MaxBytes / 1024 / 1024} MB", "file");
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) return Outcomes.Invalid<ResourceView>("file.empty", "文件为空", "The file is empty", "file");
        var bytes = buffer.ToArray();
        var resource = new MountedResource
        {
            EntryId = entry.Id, ProviderUnitId = entry.ProviderUnitId, ProviderDivisionCode = entry.ProviderDivisionCode, Kind = ResourceKind.File,
            Name = string.IsNullOrWhiteSpace(name) ? fileName : name.Trim()[..Math.Min(200, name.Trim().Length)], FileName = fileName,
            ContentType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType[..Math.Min(100, contentType.Length)],
            FileSize = bytes.LongLength, FileHash = Sm3.HashHex(bytes), CreatedAt = clock.GetUtcNow(), UpdatedAt = clock.GetUtcNow(), CreatedBy = actor.SubjectId,
        };
        db.Resources.Add(resource);
        db.ResourceFiles.Add(new StoredFile { ResourceId = resource.Id, Bytes = bytes });
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("catalog.resources.mounted", "catalog_resource", resource.Id.ToString(), actor,
            new { kind = "file", entry = entry.Code, resource.FileName, resource.FileSize, resource.FileHash }, ct);
        return ResourceView.Of(resource, true);
    }
}
