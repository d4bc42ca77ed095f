using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Qilu.Platform.Hosting;

/// <summary>
/// ASP.NET Core data protection (cookies, antiforgery, OIDC state) keeps its key ring under the data directory, so
/// sign-in cookies survive a restart. Several nodes must share that folder (or set <c>Qilu:DataProtection:KeysPath</c>
/// to a shared path); deploy/README.md says how.
/// </summary>
internal static class DataProtectionSetup
{
    public static void Add(IServiceCollection services, string dataDirectory, string? sharedPath)
    {
        var path = string.IsNullOrWhiteSpace(sharedPath) ? Path.Combine(dataDirectory, "keys", "dataprotection") : sharedPath;
        Directory.CreateDirectory(path);
        services.AddDataProtection().SetApplicationName("qilu").PersistKeysToFileSystem(new DirectoryInfo(path));
    }
}
