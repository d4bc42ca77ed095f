using Microsoft.Playwright;
using Qilu.SharedKernel.Identifiers;

namespace Qilu.BrowserTests;

/// <summary>Helpers for the Identity module's browser tests: real OIDC sign-in, fresh valid ID numbers, screenshots.</summary>
internal static class IdentityBrowser
{
    /// <summary>Opens <paramref name="path"/> anonymously, signs in on the platform's login form, waits for the circuit.</summary>
    public static async Task<IPage> OpenAsAsync(QiluHostFixture host, string user, string path)
    {
        var page = await host.SignedInAsync(user, path);
        await BrowserAuth.WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>A GB 11643 ID number with a correct check character; <paramref name="serial"/> makes it unique per test.</summary>
    public static string ValidId(string region, string birth, int serial)
    {
        var first17 = region + birth + serial.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        return first17 + IdNumber.ComputeCheckCharacter(first17);
    }

    /// <summary>The same number with a wrong check character.</summary>
    public static string WrongCheck(string valid) =>
        valid[..17] + (valid[17] == '0' ? '1' : '0');

    /// <summary>A serial number unlikely to collide between runs against one database (tests share the host).</summary>
    public static int Serial() => Random.Shared.Next(100, 999);

    /// <summary>Saves a full-page screenshot and returns its path.</summary>
    public static Task<string> ShotAsync(IPage page, string name) => Screenshots.SaveAsync(page, name);
}
