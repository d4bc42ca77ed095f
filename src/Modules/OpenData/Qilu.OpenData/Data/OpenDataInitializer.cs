using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Hosting;

namespace Qilu.OpenData.Data;

/// <summary>Applies the module's migrations.</summary>
internal sealed class OpenDataInitializer : IModuleInitializer
{
    public int Order => 250;

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<OpenDataDbContext>().Database.MigrateAsync(cancellationToken);
    }
}
