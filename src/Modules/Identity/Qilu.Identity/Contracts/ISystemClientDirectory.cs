namespace Qilu.Identity.Contracts;

/// <summary>A department system registered for client credentials (its secret is never exposed).</summary>
/// <param name="ClientId">The <c>client_id</c>, which is also the <c>sub</c> of the system's tokens.</param>
/// <param name="DisplayName">The system's name (信息系统名称).</param>
/// <param name="UnitId">The unit the system acts for.</param>
public sealed record SystemClientInfo(string ClientId, string DisplayName, Guid UnitId);

/// <summary>
/// The department systems (client credentials) registered for a unit, for modules that bind their own rights to a
/// particular system of a unit (the sharing gateway binds grants to the consumer's calling systems).
/// </summary>
public interface ISystemClientDirectory
{
    /// <summary>The systems acting for <paramref name="unitId"/>, by client id.</summary>
    Task<IReadOnlyList<SystemClientInfo>> ListForUnitAsync(Guid unitId, CancellationToken ct = default);
}
