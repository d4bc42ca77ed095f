using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Testing;
using Shouldly;

namespace Qilu.Host.Tests;

/// <summary>
/// The data-protection key ring (cookies, antiforgery, OIDC state) lives under the data directory, encrypted with
/// SM4-GCM under a key-store key, and survives a restart: what one host protected, the next one (same data
/// directory, same master key) unprotects.
/// </summary>
public sealed class DataProtectionKeyRingTests
{
    [Fact]
    public async Task KeyRing_IsEncryptedAtRestAndSurvivesRestart()
    {
        string protectedText;
        string dataDirectory;
        await using (var first = new QiluFactory())
        {
            dataDirectory = first.DataDirectory;
            _ = first.Server;
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("齐鲁");
            var files = Directory.GetFiles(Path.Combine(dataDirectory, "keys", "dataprotection"), "*.xml");
            files.ShouldNotBeEmpty();
            foreach (var file in files)
            {
                var xml = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
                xml.ShouldContain("<sm4gcm");
                xml.ShouldNotContain("<masterKey");
            }

            await using var second = new QiluFactory(new QiluFactoryOptions
            {
                Settings = new Dictionary<string, string?>
                {
                    ["Qilu:DataDirectory"] = dataDirectory,
                    ["Qilu:Database:ConnectionString"] = first.ConnectionString,
                },
            });
            _ = second.Server;
            second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText).ShouldBe("齐鲁");
        }
    }
}
