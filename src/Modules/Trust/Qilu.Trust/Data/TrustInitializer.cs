using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Hosting;
using Qilu.Trust.Authority;
using Qilu.Trust.Certificates;

namespace Qilu.Trust.Data;

/// <summary>Applies the module's migrations, creates the CA certificates and seeds the national certificate types (never overwriting edits).</summary>
internal sealed class TrustInitializer : IModuleInitializer
{
    public int Order => 200;

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
            await db.Database.MigrateAsync(cancellationToken);
            var existing = await db.CertificateTypes.Select(t => t.Code).ToListAsync(cancellationToken);
            foreach (var type in CertificateTypeSeed.All())
            {
                if (!existing.Contains(type.Code)) db.CertificateTypes.Add(type);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        await services.GetRequiredService<CertificateAuthority>().EnsureAsync(cancellationToken);
    }
}
