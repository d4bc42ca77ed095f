using Shouldly;

namespace Qilu.Trust.Tests.Verification;

[Collection(TrustHostGroup.Name)]
public sealed class VerifyPageTests(TrustHost host)
{
    [Fact]
    public async Task VerifyPage_WhenOpenedWithoutSignIn_Renders()
    {
        var response = await host.Client.GetAsync("/verify", TestContext.Current.CancellationToken);
        response.IsSuccessStatusCode.ShouldBeTrue();
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("qr-payload");
    }
}
