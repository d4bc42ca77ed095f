using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Cases.Contracts;
using Qilu.Cases.Data;
using Qilu.Platform.Audit;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Cases.Library;

/// <summary>
/// POST /api/cases/library (multipart: <c>file</c>, optional <c>materialName</c>, <c>validDays</c>): stores a checked
/// file in the applicant's materials library; the same bytes uploaded again return the existing entry.
/// GET /api/cases/library lists the applicant's files (valid ones first).
/// </summary>
internal static class UploadFile
{
    public sealed record Item(Guid Id, string Name, string? MaterialName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt,
        DateTimeOffset? ValidUntil, bool Valid, int UsedByCases);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/library", async (HttpContext ctx, ActorAccessor actors, CasesDbContext db, IAuditWriter audit, TimeProvider clock) =>
            {
                var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
                var file = form.Files.GetFile("file");
                if (file is null)
                    return Qilu.Platform.Http.Problems.Validation(new Error("file.required", "请选择要上传的文件", "A file is required", "file"));
                if (file.Length > FileInspector.MaxBytes)
                    return Qilu.Platform.Http.Problems.Validation(new Error("file.too_large", "文件不能超过 20 MB", "The file must be at most 20 MB", "file"));
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ctx.RequestAborted);
                int? days = int.TryParse(form["validDays"], out var d) ? d : null;
                var r = await HandleAsync(actors.FromContext(ctx), file.FileName, form["materialName"], days, buffer.ToArray(), db, audit, clock, ctx.RequestAborted);
                return r.IsSuccess ? Results.Created($"/api/cases/library/{r.Value.Id}", r.Value) : Qilu.Platform.Http.Problems.From(r);
            })
            .RequirePermission(CasesPermissions.Apply).DisableAntiforgery()
            .WithName("UploadMaterial").WithSummary("上传材料到材料库 / Upload to my materials library").Produces<Item>(StatusCodes.Status201Created);
        api.MapGet("/library", async (HttpContext ctx, ActorAccessor actors, CasesDbContext db, TimeProvider clock) =>
            {
                var actor = actors.FromContext(ctx);
                var now = clock.GetUtcNow();
                var rows = await db.Files.AsNoTracking().Where(f => f.OwnerId == actor.SubjectId).OrderByDescending(f => f.UploadedAt)
                    .Select(f => new { f.Id, f.Name, f.MaterialName, f.ContentType, f.Size, f.Sha256, f.UploadedAt, f.ValidUntil, f.UsedByCases }).ToListAsync(ctx.RequestAborted);
                return Results.Ok(rows.Select(f => new Item(f.Id, f.Name, f.MaterialName, f.ContentType, f.Size, f.Sha256, f.UploadedAt, f.ValidUntil,
                    f.ValidUntil is null || f.ValidUntil >= now, f.UsedByCases)).OrderByDescending(i => i.Valid).ToList());
            })
            .RequirePermission(CasesPermissions.Apply)
            .WithName("ListMaterials").WithSummary("我的材料库 / My materials library").Produces<IReadOnlyList<Item>>();
    }

    internal static async Task<Result<Item>> HandleAsync(Actor actor, string fileName, string? materialName, int? validDays, byte[] bytes, CasesDbContext db,
        IAuditWriter audit, TimeProvider clock, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, CasesPermissions.Apply) is { } denied) return Outcomes.Denied<Item>(denied);
        var type = FileInspector.Inspect(bytes);
        if (!type.IsSuccess) return Result<Item>.Failure(type.Errors);
        if (validDays is < 1 or > 3650)
            return Outcomes.Invalid<Item>("valid_days.range", "有效期天数须在 1–3650 之间", "validDays must be from 1 to 3650", "validDays");
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var now = clock.GetUtcNow();
        var existing = await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.OwnerId == actor.SubjectId && f.Sha256 == hash, ct);
        var entry = existing ?? new LibraryFile
        {
            OwnerId = actor.SubjectId, Name = Path.GetFileName(fileName) is { Length: > 0 and <= 200 } n ? n : "file", MaterialName = materialName?.Trim() is { Length: > 0 and <= 200 } m ? m : null,
            ContentType = type.Value, Size = bytes.Length, Sha256 = hash, Content = bytes, UploadedAt = now,
            ValidUntil = validDays is { } days ? now.AddDays(days) : now.AddYears(1),
        };
        if (existing is null)
        {
            db.Files.Add(entry);
            await db.SaveChangesAsync(ct);
            await audit.WriteAsync(new AuditEvent("cases.library.uploaded", "library_file", entry.Id.ToString(), "success", actor,
                new { entry.ContentType, entry.Size, hash }), ct);
        }
        return new Item(entry.Id, entry.Name, entry.MaterialName, entry.ContentType, entry.Size, entry.Sha256, entry.UploadedAt, entry.ValidUntil,
            entry.ValidUntil is null || entry.ValidUntil >= now, entry.UsedByCases);
    }
}
