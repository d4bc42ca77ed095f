using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Cryptography.Keys;
using Shouldly;

namespace Qilu.Identity.Tests.SignOn;

/// <summary>
/// Rotating the OIDC signing key: after the next start the new key signs, the retired one stays in JWKS, and a token
/// signed before the rotation is still accepted until it expires.
/// </summary>
public sealed class SigningKeyRotationTests
{
    [Fact]
    public async Task Rotation_AfterRestart_NewKeySignsAndOldTokensStillValidate()
    {
        await using var before = new QiluFactory();
        using var client = before.CreateClient();
        var secret = QiluFactory.DemoSecret(before.DataDirectory, "sd-market-system");
        var oldToken = await AccessTokenAsync(client, secret);
        var oldKid = Oidc.DecodeJwtHeader(oldToken).GetProperty("kid").GetString();

        await before.Services.GetRequiredService<IKeyStore>().RotateAsync(KeyPurposes.OidcSigning, KeyAlgorithm.Rsa, TestContext.Current.CancellationToken);

        await using var after = new QiluFactory(new QiluFactoryOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["Qilu:DataDirectory"] = before.DataDirectory,
                ["Qilu:Database:ConnectionString"] = before.ConnectionString,
            },
        });
        using var next = after.CreateClient();
        using var jwks = JsonDocument.Parse(await next.GetStringAsync("/.well-known/jwks"));
        var kids = jwks.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
        kids.ShouldContain(oldKid);
        kids.Count.ShouldBe(2);

        var newToken = await AccessTokenAsync(next, secret);
        Oidc.DecodeJwtHeader(newToken).GetProperty("kid").GetString().ShouldNotBe(oldKid);

        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/identity/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", oldToken);
        (await next.SendAsync(me)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<string> AccessTokenAsync(HttpClient client, string secret)
    {
        var response = await Oidc.ClientCredentialsAsync(client, "sd-market-system", secret);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.JsonAsync()).GetProperty("access_token").GetString()!;
    }
}
