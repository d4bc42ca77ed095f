using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Hosting;

namespace Qilu.Matters.Data;

/// <summary>Applies the module's migrations (after Identity's, whose directory the catalog reads).</summary>
internal sealed class MattersInitializer : IModuleInitializer
{
    public int Order => 300;

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<MattersDbContext>().Database.MigrateAsync(cancellationToken);
    }
}
