using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Cryptography.Fields;
using Qilu.Platform.Cryptography.Keys.Data;

namespace Qilu.Platform.Cryptography.Keys;

/// <summary>Start-up step for the host.</summary>
public static class KeyStoreMigrator
{
    /// <summary>
    /// Applies the <c>keystore</c> migrations, then loads the field-protection keys (creating them on first run) so
    /// that EF value converters, which are synchronous, never wait on the database. Also fails fast when the
    /// master key does not match the stored keys.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KeyStoreDbContext>();
            await db.Database.MigrateAsync(cancellationToken);
        }
        await services.GetRequiredService<IFieldProtector>().InitializeAsync(cancellationToken);
    }
}
