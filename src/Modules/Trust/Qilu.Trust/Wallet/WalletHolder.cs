using Qilu.Identity.Contracts;
using Qilu.Platform.Cryptography.Fields;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Certificates;

namespace Qilu.Trust.Wallet;

/// <summary>
/// Whose wallet the actor opens: a citizen's own (by their 公民身份号码) or, for an enterprise agent acting within their
/// delegation, the enterprise's (by its 统一社会信用代码, carried in the token's capacity). Returns the blind index only.
/// </summary>
internal static class WalletHolder
{
    public static async Task<Result<string>> IndexAsync(Actor actor, IPersonDirectory people, IFieldProtector protector, CancellationToken ct)
    {
        string? identifier = actor.Kind switch
        {
            ActorKind.Citizen => await people.FindIdNumberAsync(actor.SubjectId, ct),
            ActorKind.EnterpriseAgent => actor.EnterpriseCreditCode,
            _ => null,
        };
        if (HolderIdentifier.TryParseAny(identifier) is not { } holder)
            return Result<string>.Failure(new Error("wallet.no_holder", "只有实名的个人或企业经办人有证照夹",
                "Only a verified person or an enterprise agent has a certificate wallet"), ErrorKind.Forbidden);
        return holder.Index(protector);
    }
}
