namespace Qilu.Matters.Contracts;

/// <summary>
/// The published matter catalog as other modules read it (Cases, Rules, Workflow, Search). Every answer is for one
/// division: the provincial standard merged with the nearest published local implementation (the division itself,
/// then its city, then the province). Drafts are never visible here.
/// </summary>
public interface IMatterCatalog
{
    /// <summary>
    /// The matter with this basic code as offered in <paramref name="divisionCode"/>, or null when no published
    /// implementation covers that division (the matter is then not offered there).
    /// </summary>
    Task<MatterDefinition?> FindMatterAsync(string basicCode, string divisionCode, CancellationToken ct = default);

    /// <summary>The published implementation with this implementation code, or null.</summary>
    Task<MatterDefinition?> FindByImplementationCodeAsync(string implementationCode, CancellationToken ct = default);

    /// <summary>Every matter offered in <paramref name="divisionCode"/>, by basic code.</summary>
    Task<IReadOnlyList<MatterDefinition>> ListMattersAsync(string divisionCode, CancellationToken ct = default);

    /// <summary>
    /// The bundle with this code as offered in <paramref name="divisionCode"/> (the bundle configured nearest that
    /// division), or null when it or one of its members is not offered there.
    /// </summary>
    Task<BundleDefinition?> FindBundleAsync(string bundleCode, string divisionCode, CancellationToken ct = default);

    /// <summary>Bundles offered in <paramref name="divisionCode"/>.</summary>
    Task<IReadOnlyList<BundleDefinition>> ListBundlesAsync(string divisionCode, CancellationToken ct = default);

    /// <summary>Codes of the published bundles whose proactive offer is triggered by <paramref name="eventName"/>.</summary>
    Task<IReadOnlyList<string>> BundlesTriggeredByAsync(string eventName, CancellationToken ct = default);
}
