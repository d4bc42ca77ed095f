using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Qilu.Hotline.Classification;

/// <summary>Registers the hotline taxonomy and ticket classifier (called from <see cref="HotlineModule"/>).</summary>
internal static class HotlineClassification
{
    /// <summary>
    /// Adds <see cref="IHotlineTaxonomy"/> and <see cref="ITicketClassifier"/> as singletons. The classifier is trained
    /// from the embedded corpus when it is first resolved (once per process, well under a second; see
    /// docs/hotline-classifier.md) and shared by every host in the process.
    /// </summary>
    public static IServiceCollection AddServices(IServiceCollection services)
    {
        services.TryAddSingleton<IHotlineTaxonomy>(_ => HotlineTaxonomy.Embedded);
        services.TryAddSingleton<ITicketClassifier>(_ => NgramSoftmaxClassifier.Embedded);
        return services;
    }
}
