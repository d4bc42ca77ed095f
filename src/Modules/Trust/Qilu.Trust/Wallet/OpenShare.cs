using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Cryptography;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Certificates;
using Qilu.Trust.Data;

namespace Qilu.Trust.Wallet;

/// <summary>
/// GET /api/trust/shares/{token} (public, for the receiving party): the annotated copy while it is valid, with the
/// certificate's current status. Each opening is recorded (用证记录); an expired or withdrawn copy answers 410.
/// </summary>
internal static class OpenShare
{
    public sealed record Response(string AnnotatedCopy, string Signature, string CertificateStatus, DateTimeOffset ExpiresAt);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/shares/{token}", EndpointAsync).AllowAnonymous()
        .RequireRateLimiting(RateLimitPolicies.Public)
        .WithName("OpenShare").WithSummary("查看加注件 / Open an annotated copy").Produces<Response>();

    private static async Task<IResult> EndpointAsync(string token, HttpContext ctx, TrustDbContext db, TimeProvider clock)
    {
        var result = await HandleAsync(token, ctx.Connection.RemoteIpAddress?.ToString(), db, clock, ctx.RequestAborted);
        if (result.IsSuccess) return Results.Ok(result.Value);
        return result.Kind == ErrorKind.Conflict
            ? Results.Problem(title: result.Errors[0].Message, detail: result.Errors[0].MessageEn, statusCode: StatusCodes.Status410Gone)
            : Problems.From(result);
    }

    internal static async Task<Result<Response>> HandleAsync(string token, string? ip, TrustDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (token.Length is < 20 or > 100) return Result<Response>.Failure(new Error("share.not_found", "加注件不存在", "No such annotated copy"), ErrorKind.NotFound);
        var hash = Sm3.HashHex(token);
        var share = await db.Shares.AsNoTracking().FirstOrDefaultAsync(s => s.TokenHash == hash, ct);
        if (share is null) return Result<Response>.Failure(new Error("share.not_found", "加注件不存在", "No such annotated copy"), ErrorKind.NotFound);
        var now = clock.GetUtcNow();
        var open = !share.Withdrawn && now <= share.ExpiresAt;
        db.ShareUses.Add(new ShareUse { ShareId = share.Id, At = now, SourceIp = ip, Outcome = open ? "opened" : "refused_expired" });
        await db.SaveChangesAsync(ct);
        if (!open)
            return Result<Response>.Failure(new Error("share.expired", "加注件已过期或已撤回", "The annotated copy has expired or was withdrawn"), ErrorKind.Conflict);
        var c = await db.Certificates.AsNoTracking().FirstAsync(x => x.Id == share.CertificateId, ct);
        return new Response(share.AnnotatedJson, Convert.ToBase64String(share.Signature), CertificateWallet.StatusText(c, now), share.ExpiresAt);
    }
}
