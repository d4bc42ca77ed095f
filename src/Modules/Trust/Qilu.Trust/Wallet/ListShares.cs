using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.Platform.Cryptography.Fields;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Data;

namespace Qilu.Trust.Wallet;

/// <summary>GET /api/trust/wallet/{id}/shares: the holder's shares of a certificate with every use (用证记录).</summary>
internal static class ListShares
{
    public sealed record Use(DateTimeOffset At, string Outcome);

    public sealed record Item(Guid Id, string Purpose, string Recipient, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, IReadOnlyList<Use> Uses);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/wallet/{id:guid}/shares", EndpointAsync).RequireAuthorization()
        .WithName("ListShares").WithSummary("分享与用证记录 / Shares and uses").Produces<IReadOnlyList<Item>>();

    private static async Task<IResult> EndpointAsync(Guid id, HttpContext ctx, ActorAccessor actors, TrustDbContext db, IPersonDirectory people,
        IFieldProtector protector) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, db, people, protector, ctx.RequestAborted));

    internal static async Task<Result<IReadOnlyList<Item>>> HandleAsync(Actor actor, Guid id, TrustDbContext db, IPersonDirectory people,
        IFieldProtector protector, CancellationToken ct)
    {
        var index = await WalletHolder.IndexAsync(actor, people, protector, ct);
        if (!index.IsSuccess) return Result<IReadOnlyList<Item>>.Failure(index.Errors, index.Kind);
        if (!await db.Certificates.AnyAsync(c => c.Id == id && c.HolderIdIndex == index.Value, ct))
            return Outcomes.NotFound<IReadOnlyList<Item>>("证照", "Certificate");
        var shares = await db.Shares.AsNoTracking().Where(s => s.CertificateId == id).ToListAsync(ct);
        var ids = shares.Select(s => s.Id).ToList();
        var uses = await db.ShareUses.AsNoTracking().Where(u => ids.Contains(u.ShareId)).ToListAsync(ct);
        return shares.OrderByDescending(s => s.CreatedAt).Select(s => new Item(s.Id, s.Purpose, s.Recipient, s.CreatedAt, s.ExpiresAt,
            [.. uses.Where(u => u.ShareId == s.Id).OrderBy(u => u.At).Select(u => new Use(u.At, u.Outcome))])).ToList();
    }
}
