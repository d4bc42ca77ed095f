namespace Qilu.Identity.Contracts;

/// <summary>What the account holds about a natural person, for prefilling applications (免填).</summary>
/// <param name="SubjectId">Account id (the <c>sub</c> claim).</param>
/// <param name="Name">Real name (实名).</param>
/// <param name="IdNumber">公民身份号码 in clear; callers must audit the read and mask it on display.</param>
/// <param name="Phone">Verified mobile number in clear, if any.</param>
/// <param name="DivisionCode">Division of residence registered on the account, if any.</param>
/// <param name="RealNameLevel">实名 level 0–3.</param>
public sealed record PersonProfile(string SubjectId, string Name, string? IdNumber, string? Phone, string? DivisionCode, int RealNameLevel);

/// <summary>
/// Read access to citizens' account data for other modules: prefilling forms from the applicant's own account, and
/// finding the account of a person named by ID number in a register event (proactive offers). Citizens only.
/// </summary>
public interface IPersonDirectory
{
    /// <summary>The citizen account with this subject id, or null.</summary>
    Task<PersonProfile?> FindAsync(string subjectId, CancellationToken ct = default);

    /// <summary>
    /// Only the 公民身份号码 of the citizen account <paramref name="subjectId"/> (the certificate wallet looks up what is
    /// held under it), or null. Callers pass the actor's own subject id and never show or log the result unmasked.
    /// </summary>
    Task<string?> FindIdNumberAsync(string subjectId, CancellationToken ct = default);

    /// <summary>The citizen account holding this 公民身份号码 (by blind index), or null.</summary>
    Task<PersonProfile?> FindByIdNumberAsync(string idNumber, CancellationToken ct = default);
}
