using System.Net;
using Qilu.Trust.Rendering;
using Qilu.Trust.Seals;
using Shouldly;
using SkiaSharp;

namespace Qilu.Trust.Tests.Rendering;

[Collection(TrustHostGroup.Name)]
public sealed class SealPngTests(TrustHost host)
{
    private static void RequireFont() =>
        Assert.SkipWhen(CjkFont.Path is null, "No CJK .ttf font installed (apt-get install fonts-arphic-gbsn00lp): rendering tests skipped");

    private static int RedPixels(SKBitmap bitmap, int x0, int y0, int x1, int y1)
    {
        var n = 0;
        for (var y = y0; y < y1; y++)
            for (var x = x0; x < x1; x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (p.Alpha > 128 && p.Red > 150 && p.Green < 80 && p.Blue < 80) n++;
            }
        return n;
    }

    [Fact]
    public void Render_WhenDrawn_IsATransparentSquarePngWithRingStarAndText()
    {
        RequireFont();
        var png = SealPng.Render("济南市市场监督管理局", "业务专用章");

        png.AsSpan(0, 8).ToArray().ShouldBe(new byte[] { 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a });
        using var bitmap = SKBitmap.Decode(png);
        bitmap.Width.ShouldBe(480);
        bitmap.Height.ShouldBe(480);
        bitmap.GetPixel(2, 2).Alpha.ShouldBe((byte)0, "corners are transparent so the stamp does not hide the page");
        RedPixels(bitmap, 236, 14, 244, 22).ShouldBeGreaterThan(0, "the ring passes through the top at r=112 (x2)");
        RedPixels(bitmap, 230, 230, 250, 250).ShouldBeGreaterThan(300, "the star fills the centre");
        // The name runs over the upper arc (r 88 x2 = 176 px from the centre) and the type under the star.
        RedPixels(bitmap, 100, 40, 380, 120).ShouldBeGreaterThan(800);
        RedPixels(bitmap, 150, 320, 330, 370).ShouldBeGreaterThan(300);
    }

    [Fact]
    public void Render_WhenNamesDiffer_GivesDifferentPictures()
    {
        RequireFont();
        var a = SealPng.Render("济南市市场监督管理局", "公章");
        var b = SealPng.Render("青岛市市场监督管理局", "公章");

        a.ShouldNotBe(b);
        SealPng.Render("济南市市场监督管理局", "公章").ShouldBe(a, "rendering is deterministic");
    }

    [Fact]
    public void Render_WhenSizeGiven_ScalesTheCanvas()
    {
        RequireFont();
        using var bitmap = SKBitmap.Decode(SealPng.Render("淄博市卫生健康委员会", "公章", 200));
        bitmap.Width.ShouldBe(200);
        Should.Throw<ArgumentOutOfRangeException>(() => SealPng.Render("x", "y", 10));
    }

    [Theory]
    [InlineData("GET", "/api/trust/seals/{0}/image.png")]
    [InlineData("GET", "/api/trust/certificates/{0}.pdf")]
    [InlineData("GET", "/api/trust/certificates/{0}/vc")]
    [InlineData("GET", "/api/trust/certificates/{0}/versions")]
    [InlineData("POST", "/api/trust/certificates/{0}/reissue")]
    [InlineData("POST", "/api/trust/seals/{0}/sign-pdf")]
    public async Task Routes_WhenNotSignedIn_AreRefusedRatherThanMissing(string method, string template)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Guid.NewGuid()));
        if (method == "POST") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");

        var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"{method} {template} exists and needs a signed-in caller");
    }

    [Fact]
    public async Task Routes_WhenTheRouteDoesNotExist_AreNotFoundSoTheRefusalsAboveMeanSomething()
    {
        var response = await host.Client.GetAsync($"/api/trust/certificates/{Guid.NewGuid()}/no-such-rendering", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
