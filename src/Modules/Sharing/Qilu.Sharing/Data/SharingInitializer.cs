using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Hosting;

namespace Qilu.Sharing.Data;

/// <summary>Applies the module's migrations at start-up.</summary>
internal sealed class SharingInitializer : IModuleInitializer
{
    public int Order => 210;

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SharingDbContext>().Database.MigrateAsync(cancellationToken);
    }
}
