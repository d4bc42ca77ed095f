using Microsoft.EntityFrameworkCore;
using Qilu.SharedKernel.Actors;
using Qilu.Trust.Data;

namespace Qilu.Trust.Seals;

/// <summary>A seal as the API shows it, with the actions its state allows.</summary>
internal sealed record SealView(Guid Id, Guid UnitId, string UnitName, string UnitCreditCode, string DivisionCode, string Type,
    string TypeName, string Name, string Status, string? StatusReason, string AppliedBy, DateTimeOffset AppliedAt, string? ApprovedBy,
    string? CertificateSerial, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil, IReadOnlyList<string> AllowedActions, uint Version)
{
    public static SealView From(Seal s) => new(s.Id, s.UnitId, s.UnitName, s.UnitCreditCode, s.DivisionCode, s.Type.ToString(),
        SealTypes.Zh(s.Type), s.Name, StatusText(s.Status), s.StatusReason, s.AppliedBy, s.AppliedAt, s.ApprovedBy, s.CertificateSerial,
        s.ValidFrom, s.ValidUntil, Seal.AllowedActions(s.Status), s.Version);

    public static string StatusText(SealStatus status) => status switch
    {
        SealStatus.Applied => "applied",
        SealStatus.Approved => "approved",
        SealStatus.Made => "made",
        SealStatus.InUse => "in_use",
        SealStatus.Suspended => "suspended",
        SealStatus.Revoked => "revoked",
        SealStatus.Rejected => "rejected",
        _ => status.ToString(),
    };
}

/// <summary>Which seals an actor may see: their own unit's, and those in their division subtree.</summary>
internal static class SealScope
{
    public static bool CanSee(Actor actor, Seal seal) => actor.DepartmentId == seal.UnitId || actor.CanSeeDivision(seal.DivisionCode);

    public static async Task<Seal?> FindAsync(TrustDbContext db, Actor actor, Guid id, CancellationToken ct)
    {
        var seal = await db.Seals.FirstOrDefaultAsync(s => s.Id == id, ct);
        return seal is not null && CanSee(actor, seal) ? seal : null;
    }
}
