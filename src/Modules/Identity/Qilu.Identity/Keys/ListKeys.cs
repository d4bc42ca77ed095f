using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.Platform.Cryptography;
using Qilu.Platform.Cryptography.Keys;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Identity.Keys;

/// <summary>
/// GET /api/identity/keys: the platform key store's keys (never their secret parts): purpose, algorithm, life cycle
/// and an SM3 fingerprint of the public key, so an administrator can match a checkpoint's or token's key by eye.
/// </summary>
internal static class ListKeys
{
    public sealed record Item(string Id, string Purpose, KeyAlgorithm Algorithm, KeyStatus Status, DateTimeOffset CreatedAt,
        DateTimeOffset? ActivatedAt, DateTimeOffset? RetiredAt, string? Fingerprint);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/keys", EndpointAsync)
        .RequirePermission(IdentityPermissions.KeysRead)
        .WithName("ListKeys").WithSummary("密钥列表 / List keys").Produces<Item[]>();

    private static async Task<IResult> EndpointAsync(string? purpose, HttpContext ctx, ActorAccessor actors, IKeyStore keys) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), purpose, keys, ctx.RequestAborted));

    /// <summary>The use case, for the endpoint and the admin page alike.</summary>
    internal static async Task<Result<List<Item>>> HandleAsync(Actor actor, string? purpose, IKeyStore keys, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, IdentityPermissions.KeysRead) is { } denied) return Outcomes.Denied<List<Item>>(denied);
        var list = await keys.ListAsync(string.IsNullOrWhiteSpace(purpose) ? null : purpose, ct);
        return list.OrderBy(k => k.Purpose, StringComparer.Ordinal).ThenBy(k => k.Status).ThenByDescending(k => k.CreatedAt)
            .Select(k => new Item(k.Id, k.Purpose, k.Algorithm, k.Status, k.CreatedAt, k.ActivatedAt, k.RetiredAt, Fingerprint(k.PublicKey)))
            .ToList();
    }

    /// <summary>First 16 bytes of SM3(public key) as colon-separated hex; null for symmetric keys (no public part).</summary>
    internal static string? Fingerprint(byte[] publicKey) => publicKey.Length == 0 ? null
        : string.Join(':', Sm3.Hash(publicKey).Take(16).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}
