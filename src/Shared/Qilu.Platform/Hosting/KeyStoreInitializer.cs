using Microsoft.AspNetCore.DataProtection;
using Qilu.Platform.Cryptography.Fields;
using Qilu.Platform.Cryptography.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace Qilu.Platform.Hosting;

/// <summary>
/// First of all start-up work: the key store's tables, then the field protector's keys, because every module that
/// stores personal data (and the demo seeder) encrypts through it, then the platform's signing keys.
/// </summary>
internal sealed class KeyStoreInitializer : IModuleInitializer
{
    public int Order => 0;

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await KeyStoreMigrator.MigrateAsync(services, cancellationToken);
        await services.GetRequiredService<IFieldProtector>().InitializeAsync(cancellationToken);
        // The platform's own signing keys exist from the first start, so the key list is complete and the first
        // checkpoint or token does not pay for key generation.
        var keys = services.GetRequiredService<IKeyStore>();
        await keys.GetActiveSm2KeyAsync(KeyPurposes.AuditCheckpoint, cancellationToken);
        await keys.GetActiveRsaKeyAsync(KeyPurposes.OidcSigning, cancellationToken);
        await keys.GetActiveSymmetricKeyAsync(DataProtectionSetup.Purpose, cancellationToken);
        // Load (or create) the data-protection key ring now. Its XML encryptor and decryptor are synchronous by the
        // framework's contract and wait on the key store; left to the first request, that wait ran on a request thread
        // (a Blazor render's antiforgery token) and, with the thread pool starved on a loaded machine, stalled it.
        services.GetService<IDataProtectionProvider>()?.CreateProtector("qilu.startup").Protect([1]);
        // Load the checkpoint signer's key now, before the audit writer starts: signing a checkpoint happens while the
        // audit store holds its write transaction, and fetching a key from the key store there would take the key
        // store's lock under the database's write lock — the opposite order to a key being created elsewhere (a
        // lock-order inversion that stalled until SQLite's busy timeout).
        _ = services.GetService<Qilu.Platform.Audit.Checkpoints.ICheckpointSigner>()?.KeyId;
    }
}
