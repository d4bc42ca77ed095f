namespace Qilu.Identity.Contracts;

/// <summary>
/// The signed-in person's own identifiers, for modules that must find what is held under them (the certificate wallet
/// looks certificates up by the holder's 公民身份号码). Callers pass the actor's own subject id only and must not show or
/// log the result unmasked.
/// </summary>
public interface IPersonDirectory
{
    /// <summary>The 公民身份号码 of the citizen account <paramref name="subjectId"/>, or null (not a citizen, unknown, no ID on file).</summary>
    Task<string?> FindIdNumberAsync(string subjectId, CancellationToken ct = default);
}
