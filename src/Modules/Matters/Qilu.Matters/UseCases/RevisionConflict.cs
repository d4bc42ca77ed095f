using Qilu.SharedKernel.Results;

namespace Qilu.Matters.UseCases;

/// <summary>
/// The stale-edit refusal of matters and bundles. They carry a published revision number rather than a row version,
/// so the 409 names the field <c>revision</c> and the current revision the editor must reload.
/// </summary>
internal static class RevisionConflict
{
    public static Result<T> Stale<T>(uint current) => Outcomes.Conflict<T>("revision.stale",
        $"数据已被他人修改（当前修订号 {current}），请刷新后重试", $"The record was changed by someone else (current revision {current}); reload and retry", "revision");
}
