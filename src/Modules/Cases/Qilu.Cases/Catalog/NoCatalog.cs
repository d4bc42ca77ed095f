namespace Qilu.Cases.Catalog;

/// <summary>
/// Used when no matter catalog is wired (the Matters module switched off): nothing is offered, so every application
/// is refused as "not offered in your division" rather than routed by guesswork.
/// </summary>
internal sealed class NoCatalog : ICaseCatalog
{
    public Task<CaseMatter?> FindMatterAsync(string basicCode, string divisionCode, CancellationToken ct = default) => Task.FromResult<CaseMatter?>(null);

    public Task<CaseBundle?> FindBundleAsync(string bundleCode, string divisionCode, CancellationToken ct = default) => Task.FromResult<CaseBundle?>(null);

    public Task<IReadOnlyList<string>> BundlesTriggeredByAsync(string eventName, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<string>>([]);
}
