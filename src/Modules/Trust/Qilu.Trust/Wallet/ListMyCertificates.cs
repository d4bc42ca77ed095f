using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.Platform.Cryptography.Fields;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Certificates;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;

namespace Qilu.Trust.Wallet;

/// <summary>GET /api/trust/wallet: 我的证照 — the certificates the signed-in person (or enterprise) holds.</summary>
internal static class ListMyCertificates
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/wallet", EndpointAsync).RequireAuthorization()
        .WithName("ListMyCertificates").WithSummary("我的证照 / My certificates").Produces<IReadOnlyList<HeldCertificate>>();

    private static async Task<IResult> EndpointAsync(HttpContext ctx, ActorAccessor actors, TrustDbContext db, IPersonDirectory people,
        IFieldProtector protector, TimeProvider clock) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), db, people, protector, clock, ctx.RequestAborted));

    internal static async Task<Result<IReadOnlyList<HeldCertificate>>> HandleAsync(Actor actor, TrustDbContext db, IPersonDirectory people,
        IFieldProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var index = await WalletHolder.IndexAsync(actor, people, protector, ct);
        if (!index.IsSuccess) return Result<IReadOnlyList<HeldCertificate>>.Failure(index.Errors, index.Kind);
        return Result<IReadOnlyList<HeldCertificate>>.Success(await CertificateWallet.ListAsync(db, index.Value, null, clock.GetUtcNow(), ct));
    }
}
