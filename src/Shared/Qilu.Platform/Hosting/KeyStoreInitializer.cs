using Qilu.Platform.Cryptography.Fields;
using Qilu.Platform.Cryptography.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace Qilu.Platform.Hosting;

/// <summary>
/// First of all start-up work: the key store's tables, then the field protector's keys, because every module that
/// stores personal data (and the demo seeder) encrypts through it.
/// </summary>
internal sealed class KeyStoreInitializer : IModuleInitializer
{
    public int Order => 0;

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await KeyStoreMigrator.MigrateAsync(services, cancellationToken);
        await services.GetRequiredService<IFieldProtector>().InitializeAsync(cancellationToken);
    }
}
