using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Hosting;

namespace Qilu.Notices.Data;

/// <summary>Applies the module's migrations.</summary>
internal sealed class NoticesInitializer : IModuleInitializer
{
    public int Order => 700;

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<NoticesDbContext>().Database.MigrateAsync(cancellationToken);
    }
}
