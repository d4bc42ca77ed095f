using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Qilu.Platform.Hosting;

namespace Qilu.Host;

/// <summary>
/// Writes the demo credentials created on first run to <c>&lt;data dir&gt;/demo-accounts.json</c> (owner-only file
/// mode) and prints where to sign in. Exists only in demo mode.
/// </summary>
internal static class DemoAccountsFile
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static string PathOf(IServiceProvider services) =>
        Path.Combine(services.GetRequiredService<IOptions<QiluOptions>>().Value.DataDirectory, "demo-accounts.json");

    public static async Task WriteAsync(IServiceProvider services, IReadOnlyList<DemoCredential> credentials, CancellationToken ct)
    {
        var path = PathOf(services);
        var json = JsonSerializer.Serialize(new
        {
            note = "演示模式自动生成的账号与客户端凭证，仅用于演示；生产环境请关闭演示模式（Qilu:Demo:Enabled=false）。",
            credentials,
        }, JsonOptions);
        await File.WriteAllTextAsync(path, json, ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public static void PrintBanner(WebApplication app, bool demo)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? "http://127.0.0.1:5080";
        Console.WriteLine();
        Console.WriteLine($"  齐鲁 Qilu 已启动 / is running:  {url}");
        Console.WriteLine($"  门户 Portal {url}/   工作台 Workbench {url}/workbench   管理后台 Admin {url}/admin");
        Console.WriteLine($"  API: {url}/scalar   OpenID Connect: {url}/.well-known/openid-configuration");
        if (demo)
            Console.WriteLine($"  演示账号 / demo accounts: {PathOf(app.Services)}");
        Console.WriteLine();
    }
}
