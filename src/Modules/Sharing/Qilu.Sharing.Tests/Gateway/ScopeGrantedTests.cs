using System.Security.Claims;
using Qilu.Sharing.Contracts;
using Qilu.Sharing.Gateway;
using Shouldly;

namespace Qilu.Sharing.Tests.Gateway;

/// <summary>The gateway scope check run on every call: OpenIddict's <c>oi_scp</c> claims or a plain JWT's space-separated <c>scope</c>.</summary>
public sealed class ScopeGrantedTests
{
    private static ClaimsPrincipal With(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test"));

    [Theory]
    [InlineData("oi_scp", GatewayProtocol.Scope)]
    [InlineData("OI_SCP", GatewayProtocol.Scope)]
    [InlineData("scope", GatewayProtocol.Scope)]
    [InlineData("scope", "openid " + GatewayProtocol.Scope + " profile")]
    [InlineData("scope", "  " + GatewayProtocol.Scope + "  ")]
    public void ScopeGranted_WhenTheTokenCarriesTheGatewayScope_IsTrue(string type, string value) =>
        GatewayPipeline.ScopeGranted(With(("sub", "client"), (type, value))).ShouldBeTrue();

    [Theory]
    [InlineData("oi_scp", "openid")]
    [InlineData("oi_scp", GatewayProtocol.Scope + " openid")]
    [InlineData("scope", GatewayProtocol.Scope + "x")]
    [InlineData("scope", "sharing.gatewa")]
    [InlineData("scope", "")]
    [InlineData("scp", GatewayProtocol.Scope)]
    public void ScopeGranted_WhenTheTokenLacksTheGatewayScope_IsFalse(string type, string value) =>
        GatewayPipeline.ScopeGranted(With(("sub", "client"), (type, value))).ShouldBeFalse();

    [Fact]
    public void ScopeGranted_LooksAtEveryIdentity()
    {
        var principal = new ClaimsPrincipal([new ClaimsIdentity([new Claim("sub", "c")], "a"), new ClaimsIdentity([new Claim("oi_scp", GatewayProtocol.Scope)], "b")]);
        GatewayPipeline.ScopeGranted(principal).ShouldBeTrue();
    }
}
