using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qilu.Testing;
using Shouldly;

namespace Qilu.Host.Tests;

public sealed class LogRedactionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Log_WhenMessageHoldsIdAndMobileNumbers_ProvidersReceiveThemMasked()
    {
        await using var factory = new QiluFactory();
        var logger = factory.Services.GetRequiredService<ILogger<LogRedactionTests>>();

        using (logger.BeginScope("办件人 {Mobile}", "13912345678"))
            logger.LogWarning("申请人 {IdNumber} 联系电话 {Mobile}", "370102199003071234", 13812345678L);

        var entry = factory.Logs.Entries.Single(e => e.Category == typeof(LogRedactionTests).FullName);
        entry.Message.ShouldBe("申请人 3701**********1234 联系电话 138****5678");
        entry.Values.Single(v => v.Key == "IdNumber").Value.ShouldBe("3701**********1234");
        entry.Values.Single(v => v.Key == "Mobile").Value.ShouldBe("138****5678");
        string.Join("|", entry.Scopes).ShouldContain("办件人 139****5678");
        string.Join("|", entry.Scopes).ShouldNotContain("13912345678");
    }

    [Fact]
    public async Task Request_WhenPathHoldsMobileNumber_HostingLogsAreMasked()
    {
        // The shipped settings keep ASP.NET Core at Warning; switch request logging on to see it masked.
        await using var factory = new QiluFactory(new QiluFactoryOptions
        {
            Settings = new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information" },
        });
        using var client = factory.CreateClient();

        await client.GetAsync(new Uri("/api/people/13812345678?id=370102199003071234", UriKind.Relative), Ct);

        var entries = factory.Logs.Entries;
        var all = string.Join("\n", entries.Select(e => $"{e.Message} {string.Join(" ", e.Scopes)} {string.Join(" ", e.Values.Select(v => v.Value))}"));
        entries.ShouldContain(e => e.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && e.Message.Contains("/api/people/138****5678", StringComparison.Ordinal));
        all.ShouldNotContain("13812345678");
        all.ShouldNotContain("370102199003071234");
    }
}
