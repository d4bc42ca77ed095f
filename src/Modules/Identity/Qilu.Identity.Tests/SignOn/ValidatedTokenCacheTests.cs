using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qilu.Identity.SignOn;
using Shouldly;

namespace Qilu.Identity.Tests.SignOn;

/// <summary>
/// A validated access token is remembered (ADR 0018, addenda 2 and 4): a second call with the token is answered from the
/// cache; a token with a changed signature or payload is still validated, and refused, although the genuine one is
/// cached; expiry still applies per call to a cached token; each call gets its own copy of the principal. The clock is a
/// fake one, moved by the test.
/// </summary>
public sealed class ValidatedTokenCacheTests
{
    [Fact]
    public async Task Bearer_WhenTokenIsCached_IsAnsweredFromTheCache_AndSignatureAndExpiryStillHold()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var host = new IdentityHost();
        await using var factory = host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var client = factory.CreateClient();
        var cache = factory.Services.GetRequiredService<ValidatedTokenCache>();
        using var token = await Oidc.ClientCredentialsAsync(client, "sd-market-system", QiluFactory.DemoSecret(host.DataDirectory, "sd-market-system"));
        token.StatusCode.ShouldBe(HttpStatusCode.OK);
        var access = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;

        (await MeAsync(client, access)).ShouldBe(HttpStatusCode.OK);
        var hits = cache.Hits;
        (await MeAsync(client, access)).ShouldBe(HttpStatusCode.OK);
        cache.Hits.ShouldBe(hits + 1);

        // Same header and payload, another signature: a different key, so it is verified — and refused.
        var forged = access[..^4] + (access[^4..] == "AAAA" ? "BBBB" : "AAAA");
        (await MeAsync(client, forged)).ShouldBe(HttpStatusCode.Unauthorized);
        var payload = access.Split('.')[1];
        var otherPayload = access.Replace(payload, payload[..^2] + (payload[^2..] == "AA" ? "BB" : "AA"), StringComparison.Ordinal);
        (await MeAsync(client, otherPayload)).ShouldBe(HttpStatusCode.Unauthorized);

        // Access tokens live 30 minutes: past that, the cached token is refused like any expired one.
        clock.Advance(TimeSpan.FromMinutes(31));
        (await MeAsync(client, access)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void Copy_SharesNoClaimList_SoLaterHandlersCannotChangeTheRememberedPrincipal()
    {
        var remembered = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "sd-market-system"), new Claim("scope", "qilu.gateway")], "Bearer"));
        var handedOut = ValidatedTokenCache.Copy(remembered);

        // A caller adding to its principal's claims (as OpenIddict's claim mapping does) changes only its copy.
        ((ClaimsIdentity)handedOut.Identity!).AddClaim(new Claim("oi_scp", "qilu.gateway"));

        remembered.Claims.Select(c => c.Type).ShouldBe(["sub", "scope"]);
        handedOut.Claims.Select(c => c.Type).ShouldBe(["sub", "scope", "oi_scp"]);
        handedOut.Identities.ShouldAllBe(i => !remembered.Identities.Contains(i));
    }

    [Fact]
    public async Task Bearer_WhenManyCallsShareOneCachedToken_EveryCallIsAuthenticated()
    {
        await using var host = new IdentityHost();
        using var client = host.CreateClient();
        using var token = await Oidc.ClientCredentialsAsync(client, "sd-market-system", QiluFactory.DemoSecret(host.DataDirectory, "sd-market-system"));
        var access = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        (await MeAsync(client, access)).ShouldBe(HttpStatusCode.OK);

        var cache = host.Services.GetRequiredService<ValidatedTokenCache>();
        var claims = cache.Remembered.Single().Claims.Count();
        // Before the copies were deep, concurrent calls with one token wrote into one shared identity while others read
        // it: now and then one answered 500 ("Collection was modified").
        for (var round = 0; round < 5; round++)
        {
            var statuses = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => MeAsync(client, access)));
            statuses.ShouldAllBe(s => s == HttpStatusCode.OK);
        }
        // The remembered principal is what validation produced, unchanged by 320 calls.
        cache.Remembered.Single().Claims.Count().ShouldBe(claims);
    }

    private static async Task<HttpStatusCode> MeAsync(HttpClient client, string access)
    {
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/identity/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
        using var response = await client.SendAsync(me);
        return response.StatusCode;
    }
}
