using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Identity.Auditing;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.Platform.Cryptography.Keys;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Identity.Keys;

/// <summary>
/// POST /api/identity/keys/{purpose}/rotate: the security administrator replaces the active key of a purpose. The old
/// key is retired, not deleted, so existing signatures still verify and old ciphertexts still decrypt. The algorithm
/// stays the purpose's current one. Blind-index keys are refused: a new index key would make every stored index
/// unfindable until a re-index, which is an offline operation.
/// </summary>
internal static class RotateKey
{
    public sealed record Response(string Purpose, KeyAlgorithm Algorithm, string NewKeyId, string? RetiredKeyId);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/keys/{purpose}/rotate", EndpointAsync)
        .RequirePermission(IdentityPermissions.KeysRotate)
        .WithName("RotateKey").WithSummary("轮换密钥 / Rotate a key").Produces<Response>();

    private static async Task<IResult> EndpointAsync(string purpose, HttpContext ctx, ActorAccessor actors, IKeyStore keys, IdentityAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), purpose, keys, audit, ctx.RequestAborted));

    /// <summary>The use case, for the endpoint and the admin page alike.</summary>
    internal static async Task<Result<Response>> HandleAsync(Actor actor, string purpose, IKeyStore keys, IdentityAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, IdentityPermissions.KeysRotate) is { } denied) return Outcomes.Denied<Response>(denied);
        try
        {
            KeyPurposes.Validate(purpose);
        }
        catch (ArgumentException)
        {
            return Outcomes.Invalid<Response>("key.purpose_format", "密钥用途格式不正确（仅限小写字母、数字和 . _ -）", "Malformed key purpose", "purpose");
        }
        if (purpose == KeyPurposes.FieldBlindIndex)
        {
            await audit.WriteAsync("platform.keys.rotate_refused", "key", purpose, "denied", new { reason = "blind_index" }, actor, ct);
            return Outcomes.Conflict<Response>("key.blind_index_rotation", "盲索引密钥轮换后须重建全部索引，不能在线轮换",
                "Rotating the blind-index key requires a full re-index and cannot be done online", "purpose");
        }
        var current = (await keys.ListAsync(purpose, ct)).FirstOrDefault(k => k.Status == KeyStatus.Active);
        if (current is null) return Outcomes.NotFound<Response>("该用途的密钥", "Key purpose");
        var created = await keys.RotateAsync(purpose, current.Algorithm, ct);
        await audit.WriteAsync("platform.keys.rotated", "key", purpose, "success",
            new { purpose, algorithm = current.Algorithm.ToString(), retired = current.Id, activated = created.Id }, actor, ct);
        return new Response(purpose, current.Algorithm, created.Id, current.Id);
    }
}
